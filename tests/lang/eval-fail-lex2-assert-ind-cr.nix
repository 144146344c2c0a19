assert ''
  a
  b''\'' == "a
b"; 1
