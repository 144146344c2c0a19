builtins.fromTOML "a = []\nb = {}\nc = [[]]\nd = [{}]\ne = [1, \"x\", [2.5, true], {f = 1}]\ng = [\n  1,\n  2,\n]"
