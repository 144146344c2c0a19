builtins.filterSource (p: t: false) ./src-fixture
