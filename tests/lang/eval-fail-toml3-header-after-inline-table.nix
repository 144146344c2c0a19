# Inline tables are immutable: a header cannot reopen one.
builtins.fromTOML "a = {x=1}\n[a]\ny=2\n"
