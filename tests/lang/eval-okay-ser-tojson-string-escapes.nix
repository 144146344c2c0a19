builtins.toJSON "q\"b\\s/n\nr\rt\t ${"$"}{x} $y é☃😀"
