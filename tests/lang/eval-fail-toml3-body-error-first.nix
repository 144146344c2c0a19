# Errors in a table's lines come before its header's conflict.
builtins.fromTOML "[a]\nx=1\n[a]\nx=1\nx=2\n"
