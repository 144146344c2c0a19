# NaN is neither less nor greater than anything, so `<` is no strict weak
# order on floats with NaN: the result is whatever the merge sort does.
let inf = 1.0e308 * 10; nan = inf - inf; in
builtins.sort builtins.lessThan [ 3.0 nan 1.0 2.0 nan 0.5 7.0 6.0 nan 4.0 ]
