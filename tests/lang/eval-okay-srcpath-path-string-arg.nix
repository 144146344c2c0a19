builtins.filterSource (p: t: true) (toString ./src-fixture)
