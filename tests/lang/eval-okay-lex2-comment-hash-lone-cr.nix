# a comment ended by a lone CR[ 1 # another2 ]
