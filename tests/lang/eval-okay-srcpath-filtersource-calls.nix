let seen = builtins.filterSource (p: t: builtins.trace t (baseNameOf p != "sub")) ./src-fixture; in seen
