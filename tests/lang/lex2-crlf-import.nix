# Imported by eval-okay-lex2-import-crlf.
{
  ind = ''
    a
      b
  '';
  str = "a
b";
  pos = __curPos;
}
