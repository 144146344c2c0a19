# args: --strict -A a
{ aa = 1; ab = 2; ac = 3; ad = 4; ae = 5; af = 6; b = 1; }
