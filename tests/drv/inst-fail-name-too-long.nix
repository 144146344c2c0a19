# A name of 208 characters: with .drv it is longer than 211.
derivation { name = builtins.concatStringsSep "" (builtins.genList (i: "n") 208); system = "s"; builder = "b"; }
