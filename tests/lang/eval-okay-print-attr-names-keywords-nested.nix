# oracle-skip: current Nix (2.26) quotes an attribute name that is a keyword (if then else assert with let in rec inherit, not `or`) or not an identifier; 2.8 quoted only `if`. Expected output from Nix 2.26.3 (oracle.py check-current)
# In nested sets and lists, and for attribute names made dynamically.
{
  a = { "in" = [ { "let" = 1; "or" = 2; } ]; };
  ${"with"} = { "rec" = { "inherit" = null; }; };
  b = builtins.listToAttrs [ { name = "assert"; value = 1; } { name = "then"; value = 2; } { name = "else"; value = 3; } ];
  notKeywords = { "If" = 1; "in'" = 2; "let-" = 3; "_in" = 4; "inx" = 5; "true" = 6; "null" = 7; "import" = 8; "__curPos" = 9; };
}
