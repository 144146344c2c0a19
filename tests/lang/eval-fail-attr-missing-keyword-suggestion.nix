# The suggestion names the attribute unquoted.
let s = { "with" = 1; }; in s.wit
