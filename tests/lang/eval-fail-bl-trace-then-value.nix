builtins.trace "fine" (throw "value")
