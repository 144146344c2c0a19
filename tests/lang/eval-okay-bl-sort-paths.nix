builtins.sort builtins.lessThan [ /b /a/c /a /c/a ]
