# the inner a refers to itself, not to the outer a
let a = 1; in let a = a; in a
