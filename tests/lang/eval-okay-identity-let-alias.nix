# A binding that is just the name of a sibling defined before it holds the
# very same value, so lists and sets holding the two compare equal without
# forcing what is inside (Nix compares entries that are the same value as
# equal once both are forced, and does not look inside).
let
  t = [ (throw "x") ];
  u = t;
  v = u;
  w = (t);
  s = { a = abort "y"; };
  s2 = s;
  inh = { inherit t; };
  nested = { n = t; };
  p.q = t;
  late.q = later;
  later = [ (throw "z") ];
  f = x: x;
  g = f;
in
{
  list = [ t ] == [ u ];
  chain = [ t ] == [ v ];
  reversed = [ u ] == [ t ];
  paren = [ t ] == [ w ];
  set = [ s ] == [ s2 ];
  inSet = { a = s; } == { a = s2; };
  inherited = [ t ] == builtins.attrValues inh;
  inNestedSet = [ t ] == builtins.attrValues nested;
  nestedKey = [ t ] == builtins.attrValues p;
  # `late.q = later;` is a set built after every binding is stored.
  nestedKeyBeforeTarget = [ later ] == builtins.attrValues late;
  function = [ f ] == [ g ];
  lambdaArgument = (a: b: [ a ] == [ b ]) t u;
  formals = ({ a, b }: [ a ] == [ b ]) { a = t; b = u; };
  withScope = with { inherit t; }; [ t ] == [ t ];
  outerLet = let a = t; in [ a ] == [ u ];
  rec1 = rec { x = [ (throw "x") ]; y = x; r = [ x ] == [ y ]; }.r;
  # The slots of a `rec` are in name order, the values stored in source order.
  rec2 = rec { lb = [ (throw "x") ]; la = lb; r = [ la ] == [ lb ]; }.r;
  recNestedKey = rec { m.q = n; n = [ (throw "x") ]; r = [ n ] == builtins.attrValues m; }.r;
  recNestedKeyAfter = rec { n = [ (throw "x") ]; m.q = n; r = [ n ] == builtins.attrValues m; }.r;
}
