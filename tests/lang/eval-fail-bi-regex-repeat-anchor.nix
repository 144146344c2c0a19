builtins.match "^*" ""
