{ ok = 1; bad = throw "bad attribute of imported set"; }
