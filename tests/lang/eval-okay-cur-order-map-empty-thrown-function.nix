map (throw "function") [ ]
