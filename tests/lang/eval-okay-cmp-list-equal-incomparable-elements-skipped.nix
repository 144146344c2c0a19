[ ([ { } 1 ] < [ { } 2 ]) ([ null 1 ] < [ null 2 ]) ([ true ] < [ true ]) ]
