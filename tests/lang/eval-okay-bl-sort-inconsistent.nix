# Inconsistent comparators over lists long enough for every phase of the
# merge sort (runs of 7, merge passes, an odd final merge).
let
  mod = a: b: a - (a / b) * b;
  xs = builtins.genList (i: mod (i * 7919 + 13) 101) 61;
in [
  (builtins.sort (a: b: mod (a + b) 3 == 0) xs)
  (builtins.sort (a: b: a * 2 < b + 17) xs)
  (builtins.sort (a: b: mod a 5 < mod b 7) (builtins.genList (i: mod (i * 31 + 3) 50) 40))
]
