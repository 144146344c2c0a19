# A type error shows the value, with keyword names quoted.
builtins.length { "in" = 1; "with" = { "let" = [ ]; }; or = 2; }
