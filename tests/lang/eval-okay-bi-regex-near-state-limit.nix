# A large interval that still fits within the regex size limit.
builtins.match "a{33333}" (builtins.concatStringsSep "" (builtins.genList (x: "a") 33333))
