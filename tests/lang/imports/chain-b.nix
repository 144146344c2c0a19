import ./sub/chain-c.nix * 2
