# The same path copied twice (also spelled differently) is one input.
derivation {
  name = "dedup";
  system = "s";
  builder = "b";
  a = ./fixtures/file.txt;
  b = "${./fixtures/file.txt}";
  c = ./fixtures/../fixtures/./file.txt;
  d = "${./fixtures}/file.txt";
}
