# The directory of a path is a path; of anything else, a string.
[ (dirOf /a/b) (dirOf /.) (dirOf /a) (dirOf { outPath = "/x/y"; })
  (builtins.typeOf (dirOf /a/b)) (builtins.typeOf (dirOf { outPath = "/x/y"; })) ]
