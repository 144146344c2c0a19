"${builtins.add}"
