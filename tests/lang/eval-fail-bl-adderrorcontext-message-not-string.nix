builtins.addErrorContext 1 (throw "original")
