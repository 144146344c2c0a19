# The override replaces the static attribute, position included.
rec {
  a = 1;
  ${"a" + ""} = 1;
  __overrides = {
    a = 2;
  };
}
