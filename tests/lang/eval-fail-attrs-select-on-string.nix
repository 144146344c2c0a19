"s".x
