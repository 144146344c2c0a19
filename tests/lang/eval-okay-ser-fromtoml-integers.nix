builtins.fromTOML "a = 0xDEADBEEF\nb = 0xdead_beef\nc = 0o755\nd = 0b11010110\ne = +99\nf = -17\ng = 0\nh = +0\ni = -0\nj = 1_000_000\nk = 9223372036854775807\nl = -9223372036854775808"
