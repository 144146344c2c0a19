# Thunks that are plain arithmetic on variables, forced in many ways:
# through a call argument, a let binding, list elements, mixed int/float
# promotion, comparisons and division that truncates toward zero.
let
  f = n: if n < 1 then [ ] else [ n ] ++ f (n - 3);
  a = 7;
  b = 2.5;
  c = -7;
  xs = [ (a + 1) (a * a) (a / 2) (c / 2) (a - b) (a * b) (b / 2) (a < b) (a >= 7) (b <= 2.5) (c > a) ];
  down = let x = a - 10; y = x * x; in [ x y (y / x) ];
in
{ inherit xs down; steps = f 10; big = 4611686018427387903 * 2; }
