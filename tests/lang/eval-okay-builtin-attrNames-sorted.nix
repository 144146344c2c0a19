builtins.attrNames { b = 1; a = 2; C = 3; "_" = 4; "10" = 5; "9" = 6; "b c" = 7; "" = 8; }
