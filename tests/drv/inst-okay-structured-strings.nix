# JSON escaping inside __json, and ATerm escaping of the JSON on top.
# (`control` holds the raw bytes 0x01, 0x1f and 0x7f.)
derivation {
  name = "structured-strings";
  system = "s";
  builder = "b";
  __structuredAttrs = true;
  quote = "say \"hi\"";
  backslash = "a\\b";
  newline = "line1\nline2";
  tab = "a\tb";
  cr = "a\rb";
  unicode = "héllo ☃ 𝄞";
  control = "";
  "key with spaces" = "v";
  "ünï" = "c";
}
