# `break` is bound by its plain name only: `__break` is undefined.
let x = __break; in x
