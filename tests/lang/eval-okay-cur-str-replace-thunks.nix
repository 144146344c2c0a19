# Patterns, replacements and the subject computed by thunks; a replacement
# used several times, after a pattern that is a prefix of another.
let
  p = x: x + "";
  f = builtins.replaceStrings [ (p "ab") (p "a") (p "") ] [ (p "<ab>") (p "<a>") (p "|") ];
in
[ (f ("aab" + "ba")) (f "") (f "b") (builtins.replaceStrings [ (p "x") ] [ (p "y") ] (p "xxx")) ]
