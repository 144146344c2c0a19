let args = 1; in (args@{ ... }: args) { z = 0; }
