# This message keeps 2.8's words, and 2.8's quoting of the name: only a
# name that is no identifier, or `if`, is quoted (current Nix words it
# "function 'f' called with unexpected argument '"in"'").
let f = { a }: a; in f { "in" = 1; a = 2; }
