# builtin constants live in the base scope, which beats `with`
with { true = 0; }; true
