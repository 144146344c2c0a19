"a$${toString 1}"
