[ (builtins.readDir ./bl-fixtures) (builtins.readDir ./bl-fixtures/sub) (builtins.readDir ./bl-fixtures/dirlink) ]
