let
   
  a = c;
	 
in a
