builtins.stringLength [ ]
