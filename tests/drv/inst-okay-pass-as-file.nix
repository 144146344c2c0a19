# passAsFile is only an attribute at instantiation time.
derivation {
  name = "pass-as-file";
  system = "s";
  builder = "b";
  passAsFile = [ "big" "other" ];
  big = "lots of text\nwith lines";
  other = "x";
}
