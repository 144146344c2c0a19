# The whole file has CRLF line endings.
let
  s = ''
    one
      two
  '';
in s
