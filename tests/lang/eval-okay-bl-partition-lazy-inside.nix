# Elements are forced, their contents are not.
let p = builtins.partition (x: true) [ { a = throw "no"; } ]; in builtins.length p.right
