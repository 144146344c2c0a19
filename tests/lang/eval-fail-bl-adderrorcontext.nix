# The context shows with --show-trace; without it Nix points to the flag.
builtins.addErrorContext "while doing something" (throw "boom")
