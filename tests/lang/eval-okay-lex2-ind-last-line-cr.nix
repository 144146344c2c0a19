# A last line of spaces is dropped, one with a CR is not.
[ ''
    a
    ''
  ''
    a
    '' ]
