[ "é☃😀" (builtins.stringLength "é☃😀") ]
