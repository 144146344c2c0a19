# unary minus desugars to __sub 0 x, which can be shadowed
let __sub = a: b: 42; in -1
