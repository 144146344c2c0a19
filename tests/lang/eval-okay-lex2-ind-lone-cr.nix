# A lone CR is not a line break in ''...'': no indentation is stripped after it.
''
    a    b  c
    d
''
