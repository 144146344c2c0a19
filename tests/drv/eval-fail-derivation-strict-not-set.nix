# derivationStrict needs a set.
builtins.derivationStrict [ ]
