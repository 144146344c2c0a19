builtins.functionArgs ({ a, ... }@args: 1)
