let s = "x"; in "a${s}b${"c"}"
