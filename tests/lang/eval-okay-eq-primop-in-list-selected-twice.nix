[ builtins.add ] == [ builtins.add ]
