let
  mod = a: b: a - (a / b) * b;
  xs = builtins.genList (i: mod (i * 1103515245 + 12345) 1000) 500;
  sorted = builtins.sort (a: b: a < b) xs;
  byTens = builtins.sort (a: b: a / 10 < b / 10) xs;
in [
  (sorted == builtins.sort builtins.lessThan xs)
  (builtins.head sorted) (builtins.elemAt sorted 250) (builtins.elemAt sorted 499)
  (builtins.genList (i: builtins.elemAt byTens (i * 37)) 14)
]
