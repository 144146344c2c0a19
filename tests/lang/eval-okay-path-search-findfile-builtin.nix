builtins.baseNameOf (builtins.findFile [ { prefix = "x"; path = toString ./imports; } ] "x/value.nix")
