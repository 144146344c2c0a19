# a function with formals forces its argument to check it
({ a ? 1 }: 2) (throw "fn-arg")
