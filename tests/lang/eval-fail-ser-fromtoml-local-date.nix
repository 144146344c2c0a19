# oracle-skip: Nix 2.8 says "while parsing a TOML string: Dates and times are not supported"; current Nix (2.34, oracle.py check-current) says "while parsing TOML: …", which Tangle follows
builtins.fromTOML "a = 1979-05-27"
