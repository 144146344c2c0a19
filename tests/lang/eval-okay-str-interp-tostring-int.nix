"n=${toString 1}"
