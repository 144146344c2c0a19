# trace prints to stderr and returns its second argument; the message is
# forced only to weak head normal form.
[ (builtins.trace "text" 1) (builtins.trace { a = throw "inner"; } 2) (builtins.trace [ (throw "inner") ] 3) (builtins.trace (x: x) 4) ]
