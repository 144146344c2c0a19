# args: --strict -A a.nope
{ a = { b = 1; }; }
