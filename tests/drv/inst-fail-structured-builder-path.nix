# With __structuredAttrs, `builder` must be a string: a path is not
# coerced.
derivation {
  name = "structured-builder-path";
  system = "s";
  builder = ./fixtures/builder.sh;
  __structuredAttrs = true;
}
