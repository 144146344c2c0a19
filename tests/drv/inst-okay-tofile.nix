# toFile texts: plain, empty, with unicode and newlines, referring to
# another text and to a copied source; a derivation uses them.
let
  plain = builtins.toFile "plain.txt" "hello\n";
  empty = builtins.toFile "empty" "";
  uni = builtins.toFile "uni" "héllo ☃\r\n\ttabbed \"quoted\" \\ back\n";
  refs = builtins.toFile "refs.sh" ''
    #!/bin/sh
    cat ${plain}
    cat ${./fixtures/file.txt}
  '';
  refs2 = builtins.toFile "refs2" "${refs} ${refs} ${empty}";
in
derivation {
  name = "uses-texts";
  system = "s";
  builder = "/bin/sh";
  args = [ refs2 ];
  inherit plain uni;
}
