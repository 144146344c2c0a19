# Strict left fold over a large generated list: builtins.foldl' and
# builtins.genList throughput, integer addition, and list allocation.
builtins.foldl' (a: b: a + b) 0 (builtins.genList (i: i) 1000000)
