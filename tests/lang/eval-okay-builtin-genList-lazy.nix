[ (builtins.length (builtins.genList (x: throw "no") 3)) (builtins.elemAt (builtins.genList (x: if x == 1 then throw "no" else x) 3) 2) ]
