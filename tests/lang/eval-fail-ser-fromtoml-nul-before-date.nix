# oracle-skip: Nix 2.8 truncated the string; current Nix (2.34) refuses it, and meets the table's last entry (the date) first
builtins.fromTOML "a = \"x\\u0000\"\nb = 1979-05-27"
