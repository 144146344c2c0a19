# oracle-skip: Nix 2.8 says "while parsing a TOML string: Dates and times are not supported"; current Nix (2.34, oracle.py check-current) says "while parsing TOML: …", which Tangle follows
# A date and a time may be separated by a space: one value, refused only
# as a date (after the whole document is read).
builtins.fromTOML "a = 1979-05-27 07:32:00\nb = [ 1, 1979-05-27 07:32:00.5-07:00 ]"
