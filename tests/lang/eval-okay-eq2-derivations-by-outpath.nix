# Sets that are both derivations compare by outPath only; nested inside
# lists and sets too, and with a derivation whose outPath is itself a set.
let
  d1 = { type = "derivation"; outPath = "/x"; other = throw "never"; };
  d2 = { type = "derivation"; outPath = "/x"; other = 2; extra = 3; };
  d3 = { type = "derivation"; outPath = "/y"; };
  nd = { type = "other"; outPath = "/x"; other = 2; extra = 3; };
  dd1 = { type = "derivation"; outPath = d1; };
  dd2 = { type = "derivation"; outPath = d2; };
in
[
  (d1 == d2)
  (d1 == d3)
  ([ d1 1 ] == [ d2 1 ])
  ({ a = d1; } == { a = d2; })
  (d2 == nd)
  (dd1 == dd2)
  ({ type = "derivation"; } == { type = "derivation"; })
  ({ type = "derivation"; outPath = "/x"; } == { type = "derivation"; })
]
