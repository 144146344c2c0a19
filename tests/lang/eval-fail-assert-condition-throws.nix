assert throw "cond-error"; 1
