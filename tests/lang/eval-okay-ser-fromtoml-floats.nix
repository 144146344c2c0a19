builtins.fromTOML "a = 0.1\nb = 1e20\nc = 123456789.123\nd = -0.0\ne = 6.626e-34\nf = 5e+22\ng = 1_000.000_1\nh = 3.14e0\ni = 1E3\nj = 1e-400"
