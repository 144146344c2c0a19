"${./src-fixture/a.txt}"
