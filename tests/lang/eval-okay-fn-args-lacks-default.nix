({ a ? 1, ... }@args: [ (args ? a) (builtins.attrNames args) ]) { b = 2; }
