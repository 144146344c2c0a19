[ true false null (builtins.isInt 1) ]
