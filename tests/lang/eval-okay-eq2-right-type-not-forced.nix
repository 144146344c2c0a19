# The right side's `type` is forced only if the left side is a derivation.
[
  ({ type = "x"; } == { type = throw "never"; a = 1; })
  ({ a = 1; } == { type = throw "never"; })
]
