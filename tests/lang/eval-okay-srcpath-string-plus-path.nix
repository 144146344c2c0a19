"x" + ./src-fixture/a.txt
