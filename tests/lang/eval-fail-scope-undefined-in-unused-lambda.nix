# undefined variables are detected statically, even in code that never runs
let f = x: y; in 1
