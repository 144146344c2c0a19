# `map` is bound by its plain name only: `__map` is undefined.
let x = __map; in x
