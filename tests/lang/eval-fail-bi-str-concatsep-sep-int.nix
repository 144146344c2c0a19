builtins.concatStringsSep 1 (throw "list")
