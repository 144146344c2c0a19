builtins.fromJSON "[[], {}, [[]], [{}], {\"a\": []}, {\"b\": {}}]"
