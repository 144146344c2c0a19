builtins.functionArgs ({ b ? throw "x", a }: 1)
