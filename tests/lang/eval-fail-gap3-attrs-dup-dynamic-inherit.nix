# A dynamic name that an `inherit (e)` already defined: 2.8 names the place
# just after `(e)`.
let k = "a"; x = { a = 1; }; in { inherit (x)   a; ${k} = 2; }
