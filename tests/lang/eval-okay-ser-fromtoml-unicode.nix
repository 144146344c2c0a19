builtins.fromTOML "a = \"é☃😀\"\n\"ключ\" = 'значение'"
