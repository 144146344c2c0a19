let







  a = 1;
  b = c;
in b
