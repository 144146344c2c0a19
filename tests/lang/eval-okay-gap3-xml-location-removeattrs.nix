# args: --xml --strict
# With --xml, attributes kept by removeAttrs and made by listToAttrs carry
# their positions.
[ (removeAttrs { a = 1; b = 2; } [ "b" ])
  (builtins.listToAttrs [ { name = "x"; value = 1; } ]) ]
