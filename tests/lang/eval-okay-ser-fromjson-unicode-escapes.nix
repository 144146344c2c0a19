builtins.fromJSON "[\"\\u0041\\u00e9\\u20ac\\uFFFF\\uE000\", \"\\ud83d\\ude00\", \"\\uDBFF\\uDFFF\", \"\\u00E9\"]"
