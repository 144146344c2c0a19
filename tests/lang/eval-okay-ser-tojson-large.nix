let v = builtins.genList (i: { n = i; s = "x${toString i}"; l = [ i (i * 2) ]; }) 2000;
in builtins.stringLength (builtins.toJSON v)
