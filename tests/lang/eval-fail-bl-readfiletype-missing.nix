# oracle-skip: builtins.readFileType is newer than Nix 2.8 (added in 2.14); expected output from current Nix 2.26 (oracle.py check-current), the manual does not give the error text
builtins.readFileType ./bl-fixtures/missing
