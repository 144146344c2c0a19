# the first definition of an inherit-from name is located just after the closing parenthesis
{ inherit ({ a = 1; })   a; a = 2; }
