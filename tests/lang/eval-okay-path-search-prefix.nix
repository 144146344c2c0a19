# args: --strict -I fixtures=./imports
(import <fixtures/value.nix>).y
