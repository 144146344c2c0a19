# dynamic keys of a rec set can refer to its other attributes
rec { x = "k"; ${x} = 1; }
