builtins.genericClosure {
  startSet = [ { key = [ 1 ]; } { key = [ 1 ]; } { key = [ 2 ]; } { key = [ 0 ]; } { key = [ 1 0 ]; } { key = [ ]; } { key = [ 2 ]; } ];
  operator = x: [ ];
}
