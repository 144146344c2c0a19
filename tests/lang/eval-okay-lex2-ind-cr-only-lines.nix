# Lines of a lone CR count as content for the indentation.
''
    a
  
    b
''
