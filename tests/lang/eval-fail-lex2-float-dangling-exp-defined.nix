# 1.0e is the float 1.0 applied to e.
let e = 1; in 1.0e
