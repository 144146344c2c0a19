[ (builtins.functionArgs ({ a }@x: 1)) (builtins.functionArgs (x@{ b ? 2 }: 1)) ]
