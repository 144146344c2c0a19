# "." and negated brackets match a newline.
with builtins;
[ (match ".*" "a\nb") (match "a.b" "a\nb") (match "[^x]" "\n")
  (match "(.*)\n(.*)" "one\ntwo") (match "[[:space:]]" "\n") ]
