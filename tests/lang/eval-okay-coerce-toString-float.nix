[ (toString 1.5) (toString 1.0) (toString 0.1) (toString 1.23456789) (toString 1.0e10) (toString 1.0e-5) ]
