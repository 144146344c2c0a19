# `builtins` is bound by its plain name only: `__builtins` is undefined.
let x = __builtins; in x
