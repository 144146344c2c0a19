# A lone byte of a two-byte character inside __json.
derivation {
  name = "json-bytes";
  system = "s";
  builder = "b";
  __structuredAttrs = true;
  a = builtins.substring 0 1 "é";
  b = [ (builtins.substring 1 1 "é") ];
}
