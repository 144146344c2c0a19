# The opening '' takes spaces and an LF with it, not a CRLF.
[ ''
    a
  ''
  ''  
    a
    b
  '' ]
