# Nix copies a path to the store and writes the store path.
builtins.toJSON { p = ./eval-okay-ser-tojson-path.nix; }
