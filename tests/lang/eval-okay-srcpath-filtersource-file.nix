builtins.filterSource (p: t: false) ./src-fixture/a.txt
