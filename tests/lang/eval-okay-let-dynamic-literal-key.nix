# a dynamic key that is a plain string literal is accepted in let
let ${"a"} = 1; in a
