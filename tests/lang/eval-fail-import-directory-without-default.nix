import ./imports/nodefault
