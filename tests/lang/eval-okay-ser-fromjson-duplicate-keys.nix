[
  (builtins.fromJSON "{\"a\": 1, \"b\": 2, \"a\": 3}")
  (builtins.fromJSON "{\"a\": {\"x\": 1}, \"a\": {\"y\": 2}}")
  (builtins.fromJSON "{\"a\": [1], \"a\": null}")
]
