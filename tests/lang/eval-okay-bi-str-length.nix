with builtins;
[ (stringLength "") (stringLength "é") (stringLength "a\nb")
  (stringLength { outPath = "abc"; }) (stringLength { __toString = s: "1234"; }) ]
