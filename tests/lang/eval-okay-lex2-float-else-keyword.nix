# A float's end is found before a keyword glued to it.
[ (if true then 1.0else 2) (if false then 1 else 2.5) ]
