let s = { ab = 1; }; k = "b"; in s."a${k}"
