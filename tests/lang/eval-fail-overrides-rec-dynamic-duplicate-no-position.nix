# oracle-skip: the override has no position (it comes from fromJSON); 2.8 says "already defined at undefined position", current Nix (2.26) "already defined at «none»:0". Expected output from Nix 2.26.3 (oracle.py check-current)
rec {
  ${"a" + ""} = 1;
  __overrides = builtins.fromJSON "{\"a\":2}";
}
