./a.b/c-d_e+f
