builtins.fromTOML null
