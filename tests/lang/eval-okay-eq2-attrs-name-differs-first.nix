# The first names differ: no value is forced.
[
  ({ a = 1; b = throw "never"; } == { b = throw "never"; c = 1; })
  ({ a = throw "never"; } == { b = throw "never"; })
  ({ a = 1; } != { a = 1; b = 2; })
]
