builtins.toJSON { __toString = s: s; }
