let nat = n: { h = n; t = nat (n + 1); }; in (nat 0).t.t.t.h
