builtins.filterSource (p: t: t != "directory") ./src-fixture
