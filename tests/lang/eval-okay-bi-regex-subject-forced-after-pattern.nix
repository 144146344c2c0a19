# The subject is forced after the pattern is compiled; an unused result is
# never computed.
with builtins;
let r = tryEval (match "a" (throw "subject"));
in [ r.success (length [ (match "a" (throw "unused")) ]) ]
