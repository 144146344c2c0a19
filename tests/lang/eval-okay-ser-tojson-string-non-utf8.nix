# A byte that is not UTF-8 is written as it is.
builtins.toJSON (builtins.substring 0 1 "é")
