builtins.fromJSON ''
  {
    "null": null, "t": true, "f": false,
    "int": 42, "neg": -7, "float": 2.5,
    "str": "hello", "list": [1, "two", [3], {"four": 4}],
    "set": {"b": 2, "a": 1}
  }
''
