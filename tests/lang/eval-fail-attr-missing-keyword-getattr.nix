# oracle-skip: current Nix (2.26) quotes an attribute name that is a keyword (if then else assert with let in rec inherit, not `or`) or not an identifier; 2.8 quoted only `if`; 2.8 also adds "for call to 'getAttr'". Expected output from Nix 2.26.3 (oracle.py check-current)
builtins.getAttr "then" { }
