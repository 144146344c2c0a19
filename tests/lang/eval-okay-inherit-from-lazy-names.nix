# the attribute names are known without evaluating the source
builtins.attrNames { inherit (throw "boom") x y; z = 1; }
