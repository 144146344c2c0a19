# The top-level value is not a derivation.
42
