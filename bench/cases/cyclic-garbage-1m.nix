# A million-scale stream of self-referential garbage: each step builds a
# set that contains itself (`x = { a = x; ... }`), reads one field and
# drops it, so every set becomes an unreachable cycle at once. Measures
# allocation and reclaiming cyclic garbage (N = 1000000).
builtins.foldl' (acc: i: acc + (let x = { a = x; n = i; }; in x.n)) 0 (builtins.genList (i: i) 1000000)
