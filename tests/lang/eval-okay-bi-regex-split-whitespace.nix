with builtins;
[ (split "[[:space:]]+" " a  b\tc\n") (split " " "a b") (split "[[:space:]]*" "a b") ]
