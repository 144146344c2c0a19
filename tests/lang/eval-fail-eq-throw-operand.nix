(throw "a") == 1
