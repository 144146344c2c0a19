# Names must not end in .drv.
derivation { name = "foo.drv"; system = "s"; builder = "b"; }
