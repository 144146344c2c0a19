# a binding whose name is not an identifier is allowed but cannot be referenced
let "a b" = throw "never"; c = 2; in c
