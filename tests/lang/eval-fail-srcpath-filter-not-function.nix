builtins.filterSource 1 ./src-fixture
