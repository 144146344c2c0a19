{
  a = __curPos;
    b = [ __curPos.column ];
}
