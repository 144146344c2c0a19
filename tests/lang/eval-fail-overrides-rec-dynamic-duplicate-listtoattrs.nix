rec {
  ${"a" + ""} = 1;
  __overrides = builtins.listToAttrs [ { name = "a"; value = 2; } ];
}
