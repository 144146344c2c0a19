# A builtin returning an element that is an already-forced thunk must hand
# back its value (regression: it leaked the thunk into arithmetic).
let
  xs = builtins.genList (i: i * 2) 3;
in
builtins.genList (i: builtins.elemAt xs (3 - 1) - 1) 3
