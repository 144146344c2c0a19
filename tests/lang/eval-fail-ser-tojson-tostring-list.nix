builtins.toJSON { __toString = s: [ "a" ]; }
