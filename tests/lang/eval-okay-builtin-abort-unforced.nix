let x = abort "never"; in 1
