# b refers to the inner a, not the outer one
let a = 1; in let b = a; a = 2; in b
