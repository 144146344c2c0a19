import ./imports/dir
