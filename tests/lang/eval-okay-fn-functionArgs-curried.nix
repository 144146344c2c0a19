# only the outermost lambda is inspected
builtins.functionArgs (x: { a }: a)
