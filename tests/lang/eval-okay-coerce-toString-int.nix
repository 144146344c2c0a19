[ (toString 1) (toString (-5)) (toString 0) ]
