# A list at the top must hold derivations or sets.
[ (derivation { name = "a"; system = "s"; builder = "b"; }) 1 ]
