builtins.toJSON { a = abort "stop"; }
