rec { a = throw "no"; b = 1; c = b + 1; }.c
