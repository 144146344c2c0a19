let x = "1\n    2"; in ''
    ${x}
    y
''
