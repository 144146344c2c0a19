# args: --strict -I x=./imports/sub -I x=./imports
[ (builtins.baseNameOf <x>) (builtins.pathExists <x/value.nix>) ]
