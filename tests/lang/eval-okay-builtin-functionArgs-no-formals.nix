[ (builtins.functionArgs (x: x)) (builtins.functionArgs ({ ... }: 1)) (builtins.functionArgs builtins.add) ]
