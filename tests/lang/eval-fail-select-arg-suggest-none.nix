# args: --strict -A a
{ xyz = 1; }
