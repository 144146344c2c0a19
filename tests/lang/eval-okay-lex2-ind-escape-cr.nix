# ''\ before a raw CR keeps the CR; the LF after it starts a line.
[ ''
    a''\
    b
  ''
  ''
    a''\b
  '' ]
