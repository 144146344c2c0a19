# oracle-skip: Nix 2.8 wraps on signed 64-bit overflow; since Nix 2.25 (release notes: "Define integer overflow in the Nix language as an error", NixOS/nix#11188) it is an evaluation error with this message
builtins.add 9223372036854775807 1
