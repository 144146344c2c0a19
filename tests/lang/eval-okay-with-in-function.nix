let f = s: with s; a; in [ (f { a = 1; }) (f { a = 2; }) ]
