# deepSeq does not look inside functions
builtins.deepSeq (x: throw "inside") 1
