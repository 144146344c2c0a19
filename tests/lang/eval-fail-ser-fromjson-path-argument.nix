builtins.fromJSON ./.
