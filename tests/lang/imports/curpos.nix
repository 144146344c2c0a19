# A file that is imported: __curPos names it.
__curPos
