[ (toString /a/b) (toString ./a) (toString ./a/../b) ]
