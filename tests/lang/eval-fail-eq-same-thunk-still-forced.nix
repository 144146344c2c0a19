let x = throw "a"; in [ x ] == [ x ]
