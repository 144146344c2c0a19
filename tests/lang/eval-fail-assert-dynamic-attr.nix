let k = "c"; in assert { ${k} = 2; } == { }; 1
