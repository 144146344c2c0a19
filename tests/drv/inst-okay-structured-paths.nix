# A path in structured attributes is copied and its store path is the
# JSON string; the copy is an input source.
derivation {
  name = "structured-paths";
  system = "s";
  builder = "${./fixtures/builder.sh}";
  __structuredAttrs = true;
  file = ./fixtures/file.txt;
  files = [ ./fixtures/dir ./fixtures/empty ];
}
