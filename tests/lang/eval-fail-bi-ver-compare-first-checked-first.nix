builtins.compareVersions 1 (throw "second")
