builtins.toJSON { __toString = s: throw "in toString"; }
