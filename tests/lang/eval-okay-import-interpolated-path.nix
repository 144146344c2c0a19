(import ./imports/${"value"}.nix).x
