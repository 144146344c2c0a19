builtins.fromTOML "a = '''abc"
