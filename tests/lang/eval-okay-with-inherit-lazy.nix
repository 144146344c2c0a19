# `inherit x;` where `x` is found through `with` looks it up only when the
# attribute is used: the set exists before the `with` scope is evaluated.
let
  p = with q; { x = 1; inherit y; };
  q = p // { y = 2; };
  r = with s; rec { inherit y; z = y; };
  s = r // { y = 3; };
  missing = with { }; { inherit absent; a = 1; };
  unused = with (throw "the scope"); { inherit absent; };
  inLet = with { }; let inherit absent; in 1;
  letUsed = with { y = 4; }; let inherit y; in y;
  # A lexical binding still wins over `with`.
  lexical = let y = 5; in with { y = 6; }; { inherit y; };
in
{
  py = p.y;
  rz = r.z;
  missing = missing.a;
  missingHas = missing ? absent;
  unused = builtins.attrNames unused;
  inherit inLet letUsed lexical;
}
