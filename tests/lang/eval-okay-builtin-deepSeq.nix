[ (builtins.deepSeq [ 1 { a = [ 2 ]; } ] 3) (builtins.deepSeq (x: throw "f") 4) ]
