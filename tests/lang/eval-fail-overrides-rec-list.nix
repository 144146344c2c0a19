rec {
  __overrides = [ 1 2 ];
}
