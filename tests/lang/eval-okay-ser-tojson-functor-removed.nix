builtins.toJSON (builtins.removeAttrs { __functor = s: x: x; a = 1; } [ "__functor" ])
