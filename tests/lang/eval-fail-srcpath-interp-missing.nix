"${./src-fixture/nope}"
