# args: --xml --no-location --strict
let x = { a = 1; }; in [ x x ]
