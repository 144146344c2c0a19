# Start elements come before operator results.
builtins.genericClosure {
  startSet = [ { key = 1; } (throw "second start element") ];
  operator = x: [ { key = throw "key of a result"; } ];
}
