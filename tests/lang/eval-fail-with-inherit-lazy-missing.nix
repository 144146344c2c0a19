# The inherited name is looked up when the attribute is used, and is
# undefined then.
let
  p = with { }; { inherit absent; a = 1; };
in
p.absent
