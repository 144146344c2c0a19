# oracle-skip: 2.8 quotes only the keyword `if` when printing an attribute name; current Nix (2.26) quotes every keyword but `or` (if then else assert with let in rec inherit). Expected output from Nix 2.26.3 (oracle.py check-current)
{ "if" = 1; "then" = 2; "else" = 3; "let" = 4; "in" = 5; "rec" = 6; "with" = 7; "assert" = 8; "inherit" = 9; "or" = 10; }
