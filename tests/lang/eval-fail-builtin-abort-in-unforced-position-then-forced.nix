let x = abort "late"; in [ 1 x ]
