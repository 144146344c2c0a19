# A whole derivation printed with --strict (it is an ordinary set).
derivation { name = "whole"; system = "s"; builder = "b"; outputs = [ "out" "bin" ]; x = [ 1 2 ]; }
