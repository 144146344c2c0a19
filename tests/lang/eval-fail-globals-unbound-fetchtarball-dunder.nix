# `fetchTarball` is bound by its plain name only: `__fetchTarball` is undefined.
let x = __fetchTarball; in x
