builtins.filterSource (p: t: true) ./src-fixture/nope
