builtins.filterSource (p: t: t != "symlink") ./src-fixture
