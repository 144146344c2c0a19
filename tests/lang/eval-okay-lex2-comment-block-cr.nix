/* a
 block comment */ [ 1 /**/ 2 ]
