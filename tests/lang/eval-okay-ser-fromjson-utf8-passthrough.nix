builtins.fromJSON "[\"é☃😀\", {\"ключ\": \"значение\"}]"
