# this directory deliberately has no default.nix
1
