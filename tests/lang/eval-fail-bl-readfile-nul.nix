builtins.readFile ./bl-fixtures/nul.bin
