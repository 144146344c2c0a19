let __curPos = 1; in [ __curPos (let f = x: __curPos; in f 1)
  __curPos.line ]
