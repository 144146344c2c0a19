let x = "y"; in assert "a${x}b" == "z"; 1
