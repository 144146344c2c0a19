let x = { }; in assert x ? y.z; 1
