builtins.addErrorContext "while adding" (1 + "a")
