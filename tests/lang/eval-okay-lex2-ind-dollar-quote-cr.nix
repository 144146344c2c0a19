# A lone $ or ' before a CR is plain text.
[ ''
    $
    '
  ''
  ''
    ''$
    '''
  '' ]
