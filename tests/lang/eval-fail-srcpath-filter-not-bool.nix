builtins.filterSource (p: t: 1) ./src-fixture
