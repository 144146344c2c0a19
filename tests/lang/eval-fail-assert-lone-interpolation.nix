# string interpolation of a single expression is printed in parentheses
let x = "y"; in assert "${x}" == "z"; 1
