let x = throw "unused"; y = abort "unused too"; z = 2; in z
