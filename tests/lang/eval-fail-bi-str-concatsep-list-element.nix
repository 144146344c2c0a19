builtins.concatStringsSep "," [ "a" [ "b" ] ]
