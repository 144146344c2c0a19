# args: --strict -A x.abd
{ x = { abc = 1; xyz = 2; abcd = 3; }; }
