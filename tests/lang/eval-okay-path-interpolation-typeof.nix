builtins.typeOf ./${"x"}
