let s = { a.b.c = 7; }; k = "b"; in s.a.${k}."c"
