# Floats in structured attributes print like builtins.toJSON.
derivation {
  name = "structured-floats";
  system = "s";
  builder = "b";
  __structuredAttrs = true;
  a = 1.5;
  b = 0.1;
  c = 1.0e20;
  d = 123456789.0;
  e = -0.000001;
  f = 1.0;
  g = 3.14159265358979;
  h = 1.0e-10;
}
