let mk = n: if n == 0 then [ ] else [ (mk (n - 1)) ]; in builtins.stringLength (builtins.toJSON (mk 10000))
