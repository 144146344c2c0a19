builtins.all (x: "yes") [ 1 ]
