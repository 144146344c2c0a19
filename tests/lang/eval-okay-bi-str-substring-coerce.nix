# The string may be a set that coerces to one.
with builtins;
[ (substring 1 1 { outPath = "abc"; }) (substring 1 1 { __toString = s: "xyz"; })
  (substring 0 1 "é" + substring 1 1 "é" == "é") (stringLength (substring 0 1 "é")) ]
