builtins.match "a{99999}" ""
