builtins.listToAttrs [ [ ] ]
