# A name no `with` namespace has: an error when evaluated, at the name
let f = x: with { a = 1; }; with { b = 2; }; a + b + c;
in f 0
