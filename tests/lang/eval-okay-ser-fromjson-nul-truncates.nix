# Nix strings end at a NUL.
let v = builtins.fromJSON "{\"s\": \"ab\\u0000cd\", \"t\": [\"\\u0000\", \"x\\u0000\"]}"; in
[ v.s (builtins.stringLength v.s) v.t (map builtins.stringLength v.t) ]
