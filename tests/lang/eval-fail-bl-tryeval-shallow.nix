# tryEval evaluates to weak head normal form only.
builtins.tryEval { a = throw "inside"; }
