builtins.toXML { "a<b" = "<&>\"'\n\t\r"; "q\"" = "x"; }
