builtins.attrNames (builtins.functionArgs ({ z, y ? 1, x }: 1))
