builtins.toXML [ (builtins.substring 0 1 "é") (builtins.fromJSON "\"\\u0001\\u007f\"") "é☃" ]
