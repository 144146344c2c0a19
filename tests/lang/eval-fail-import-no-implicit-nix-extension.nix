import ./imports/value
