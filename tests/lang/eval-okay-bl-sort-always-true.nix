# A comparator that is not a strict weak order: the result follows the
# exact comparison order of std::stable_sort.
[
  (builtins.sort (a: b: true) (builtins.genList (i: i) 20))
  (builtins.sort (a: b: false) (builtins.genList (i: i) 20))
  (builtins.sort (a: b: true) (builtins.genList (i: i) 7))
  (builtins.sort (a: b: true) (builtins.genList (i: i) 15))
]
