builtins.isPath (throw "forced")
