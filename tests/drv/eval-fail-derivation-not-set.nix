# derivation needs a set.
derivation "x"
