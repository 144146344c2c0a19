builtins.fromTOML ''
  [[fruits]]
  name = "apple"
  [fruits.physical]
  color = "red"
  [[fruits.varieties]]
  name = "red delicious"
  [[fruits]]
  name = "banana"
''
