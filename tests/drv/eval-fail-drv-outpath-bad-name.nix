# A store path error reached through outPath of the wrapper: no trace
# entry (so no --show-trace hint) for attributes the wrapper defines.
(derivation { name = "a b"; system = "s"; builder = "b"; }).outPath
