toString [ (x: x) ]
