map toString [ [ ] [ null ] [ [ ] ] [ [ ] [ ] ] [ null null ] [ "" "" ] [ [ ] 1 ] [ 1 [ ] ] ]
