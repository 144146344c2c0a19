# oracle-skip: Nix 2.8 says "while parsing a TOML string: Dates and times are not supported"; current Nix (2.34) says "while parsing TOML: …" while parse-toml-timestamps is off, which --experimental-features '' keeps off
# args: --strict --extra-experimental-features parse-toml-timestamps --experimental-features nix-command
builtins.fromTOML "a = 1979-05-27"
