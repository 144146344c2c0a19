# A CR at the start of a line has no indentation: the least is 0.
''
    a
    b
''
