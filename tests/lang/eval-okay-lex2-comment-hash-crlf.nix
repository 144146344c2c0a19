# a comment
[ 1 # another
 2 ]
