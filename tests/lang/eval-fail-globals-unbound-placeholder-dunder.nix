# `placeholder` is bound by its plain name only: `__placeholder` is undefined.
let x = __placeholder; in x
