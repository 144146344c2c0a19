builtins.toJSON { __toString = s: { a = 1; }; }
