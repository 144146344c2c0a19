# args:
let x = { a = 1; }; in builtins.seq x [ x x ]
