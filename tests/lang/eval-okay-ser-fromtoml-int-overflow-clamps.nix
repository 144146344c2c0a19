# TOML integers beyond 64 bits are clamped by Nix 2.8 rather than rejected.
builtins.fromTOML "a = 99999999999999999999\nb = -9223372036854775809"
