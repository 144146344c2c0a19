# derivationStrict splits `outputs` at spaces, tabs, newlines and CRs, not
# at a form feed, which then makes an illegal output path name.
builtins.derivationStrict { name = "n"; system = "s"; builder = "b"; outputs = "out	bin
devdoc"; }
