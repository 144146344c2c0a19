# toml11 merges [a] into the table [a.b] made, unless a key of it is already there.
builtins.fromTOML "[a.b]\nc=1\n[a]\nb = 2\n"
