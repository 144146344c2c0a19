builtins.toJSON { __toString = "x"; }
