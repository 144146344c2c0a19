builtins.fromTOML "a = +nan\nb = nan\nc = +inf\nd = -inf\ne = inf"
