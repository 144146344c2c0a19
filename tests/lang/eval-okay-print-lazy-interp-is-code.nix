# args:
{ a = "x${"y"}"; b = ''z''; }
