# The comparator is checked before the list is forced.
builtins.sort 1 (throw "the list")
