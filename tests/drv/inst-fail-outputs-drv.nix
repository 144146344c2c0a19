# An output may not be called drv.
derivation { name = "n"; system = "s"; builder = "b"; outputs = [ "out" "drv" ]; }
