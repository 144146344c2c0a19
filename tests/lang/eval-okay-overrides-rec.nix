# `__overrides` in a `rec` set: its attributes replace the set's, for the
# set's own attributes too, or are added to it; it is forced when the set
# is made, its values are not.
let
  x = 1;
in
{
  replace = rec { a = 1; b = a; __overrides = { a = 2; }; };
  add = rec { a = 1; __overrides = { c = 3; }; };
  # An attribute made from nested keys, an inherited one.
  nested = rec { a.b = 1; c = a; __overrides = { a = 2; }; };
  inherited = rec { inherit x; y = x; __overrides = { x = 2; }; };
  # `__overrides` itself made from nested keys, or inherited.
  nestedOverrides = rec { a = 1; __overrides.a = 2; };
  inheritedOverrides = let __overrides = { a = 2; }; in rec { inherit __overrides; a = 1; };
  # It may replace itself.
  self = rec { __overrides = { __overrides = 1; }; };
  # Its values are computed in the set's scope, with the overrides.
  scope = rec { a = 1; __overrides = { a = b + 1; }; b = 10; };
  fromRec = rec { a = 1; __overrides = rec { a = b; b = 7; }; };
  readsOverrides = rec { a = 1; b = 2; __overrides = builtins.removeAttrs { a = 3; } [ ]; c = __overrides.a; };
  # Forcing it may use the attributes before they are replaced.
  circular = rec { a = 1; __overrides = if a == 1 then { a = 2; } else { }; b = a; };
  function = rec { f = n: n + a; a = 1; __overrides = { a = 5; }; }.f 1;
  lazyValues = (rec { a = 1; __overrides = { a = throw "not forced"; }; }) ? a;
  empty = rec { __overrides = { }; };
  # Dynamic attributes come after the overrides, and see them.
  dynamic = rec { ${"a" + "b"} = a; a = 1; b = 2; __overrides = { a = b; }; };
  dynamicNull = rec { ${null} = 1; __overrides = { c = 3; }; };
  dynamicOther = rec { ${"a" + ""} = 1; __overrides = { b = 2; }; };
  # Only a `rec` set has overrides.
  plain = { a = 1; __overrides = { a = 2; }; };
  letIn = let __overrides = { a = 2; }; a = 1; in a;
  # A dynamic name is not `__overrides`, a string literal one is static.
  dynamicName = rec { ${"__over" + "rides"} = { a = 2; }; a = 1; };
  literalName = rec { ${"__overrides"} = { a = 2; }; a = 1; };
}
