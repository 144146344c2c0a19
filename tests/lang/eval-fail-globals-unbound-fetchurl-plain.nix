# `fetchurl` is bound only as `__fetchurl` (and `builtins.fetchurl`): the plain name is undefined.
let x = fetchurl; in x
