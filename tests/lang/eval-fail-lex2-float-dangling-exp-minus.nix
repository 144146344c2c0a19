# 1.5e-e is the float 1.5 applied to e-e, one identifier.
let e = 1; in 1.5e-e
