# --strict forces every attribute of the result
{ a = 1; b = throw "strict-forced"; }
