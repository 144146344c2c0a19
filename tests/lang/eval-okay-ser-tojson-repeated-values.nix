let l = [ 1 2 ]; s = { a = l; }; in builtins.toJSON [ l l s s ]
