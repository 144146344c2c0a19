map builtins.typeOf [ ./a /a ~/x (./a + "b") ]
