# args: --xml --strict
builtins.functionArgs ({ a, b ? 1 }: a)
