# The smallest derivation: name, system, builder.
derivation { name = "basic"; system = "x86_64-linux"; builder = "/bin/sh"; }
