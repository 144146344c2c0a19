builtins.unsafeGetAttrPos "b" (builtins.functionArgs ({ a,
    /* comment */ b ? 1, ... }@args: a))
