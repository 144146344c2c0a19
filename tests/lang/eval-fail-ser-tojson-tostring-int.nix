builtins.toJSON { __toString = s: 1; }
