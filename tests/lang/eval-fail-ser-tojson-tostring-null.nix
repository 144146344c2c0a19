builtins.toJSON { __toString = s: null; }
