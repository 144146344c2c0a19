builtins.compareVersions ./a "1"
