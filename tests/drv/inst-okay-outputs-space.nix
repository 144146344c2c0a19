# An output name with a space: derivationStrict splits the `outputs`
# environment string at spaces, so the .drv has outputs `a`, `b`, `out`.
derivation { name = "n"; system = "s"; builder = "b"; outputs = [ "out" "a b" ]; }
