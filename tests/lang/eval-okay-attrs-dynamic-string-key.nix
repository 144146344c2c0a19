let k = "x"; in { "${k}y" = 1; "z${k}" = 2; }
