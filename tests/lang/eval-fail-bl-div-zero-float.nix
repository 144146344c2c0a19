builtins.div 7.5 0.0
