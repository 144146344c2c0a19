assert "a\nb\"c$d\${e}" == ""; 1
