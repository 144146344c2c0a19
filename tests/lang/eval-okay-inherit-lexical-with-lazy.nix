# a with whose scope is never consulted is never evaluated, even through inherit
let a = 1; in with (throw "w"); let inherit a; in a
