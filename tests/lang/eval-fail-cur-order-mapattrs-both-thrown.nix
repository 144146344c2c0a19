builtins.mapAttrs (throw "function") (throw "set")
