# args: --strict -A a.b
{ a = { b = [ 1 2 ]; c = throw "not selected"; }; }
