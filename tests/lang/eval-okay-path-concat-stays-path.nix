[ (builtins.isPath (/a + "b")) (builtins.isPath (/a + /b)) (builtins.isString ("/a" + "b")) ]
