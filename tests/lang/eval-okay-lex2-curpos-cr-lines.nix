[
__curPos
__curPos__curPos
__curPos
  __curPos ]
