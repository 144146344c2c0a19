(args: 2) (throw "fn-arg")
