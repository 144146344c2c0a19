builtins.fromTOML ''
  x = 1

    foo . "\ud800" . bar = 2
''
