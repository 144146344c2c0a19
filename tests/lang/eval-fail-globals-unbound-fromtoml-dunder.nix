# `fromTOML` is bound by its plain name only: `__fromTOML` is undefined.
let x = __fromTOML; in x
