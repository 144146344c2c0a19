builtins.elem 1 [ 0 (throw "second") 1 ]
