let false = 5; in [ false true ]
