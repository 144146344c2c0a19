# -N is unary minus applied to N, and N does not fit
-9223372036854775808
