# oracle-skip: Nix 2.8 writes the byte into __json as it is; current Nix (2.34) refuses a string that is not UTF-8 there, in nlohmann::json's words (without toJSON's "JSON serialization error: "), once every attribute is evaluated
# A lone byte of a two-byte character inside __json.
derivation {
  name = "json-bytes";
  system = "s";
  builder = "b";
  __structuredAttrs = true;
  a = builtins.substring 0 1 "é";
  b = [ (builtins.substring 1 1 "é") ];
}
