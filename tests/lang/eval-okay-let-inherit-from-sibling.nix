# the source of inherit (s) is resolved in the let's own (recursive) scope
let s = { a = 1; }; in let inherit (s) a; s = { a = 2; }; in a
