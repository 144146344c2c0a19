# x is bound by the importer, but imported files do not see its scope
x + 1
