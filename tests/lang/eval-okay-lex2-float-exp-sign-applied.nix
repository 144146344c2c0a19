# A sign with digits after e belongs to the float: f applied to 0.001.
let f = x: x * 2; in [ ((f)1.0e-3) ((f)2.E+1) ]
