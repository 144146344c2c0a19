# `true` is bound by its plain name only: `__true` is undefined.
let x = __true; in x
