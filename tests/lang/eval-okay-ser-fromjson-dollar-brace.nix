builtins.fromJSON "\"${"$"}{x} $y ''\""
