# The work list is first in, first out; the first element with a key wins.
builtins.genericClosure {
  startSet = [ { key = 10; n = "a"; } { key = 20; n = "b"; } { key = 10; n = "c"; } ];
  operator = x: if x.key < 40 then [ { key = x.key * 2; n = x.n + "2"; } { key = x.key + 1; n = x.n + "1"; } ] else [ ];
}
