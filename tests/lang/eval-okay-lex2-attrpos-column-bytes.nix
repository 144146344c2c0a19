let x = { "ééé" = 1; b = 2; }; in builtins.unsafeGetAttrPos "b" x
