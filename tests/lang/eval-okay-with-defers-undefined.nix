# a variable under with is resolved at run time, so an unused one is fine
let f = x: with { }; y; in 1
