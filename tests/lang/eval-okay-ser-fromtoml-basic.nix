builtins.fromTOML ''
  title = "example"
  count = 3
  ratio = 0.5
  enabled = true
  list = [1, 2, 3]
  inline = { x = 1, y = "z" }

  [owner]
  name = "someone"

  [owner.address]
  city = "somewhere"
''
