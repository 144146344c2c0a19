# __structuredAttrs = false is an ordinary derivation, with the attribute
# in the environment as the empty string.
derivation { name = "unstructured"; system = "s"; builder = "b"; __structuredAttrs = false; x = [ 1 2 ]; }
