# The operator's results are forced as soon as it returns, before the
# next element of the work list is looked at.
builtins.genericClosure {
  startSet = [ { key = 1; } (throw "second start element") ];
  operator = x: [ (throw "operator result") ];
}
