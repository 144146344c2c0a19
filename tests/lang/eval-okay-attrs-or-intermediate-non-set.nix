# or also catches selecting from a non-set intermediate
let a = { b = 1; }; in a.b.c or 5
