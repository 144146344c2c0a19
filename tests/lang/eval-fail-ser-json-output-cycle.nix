# args: --json --strict
let x = { a = [ x ]; }; in x
