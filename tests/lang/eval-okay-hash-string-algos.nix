# Every algorithm on empty, ASCII, multi-byte and long inputs.
let
  algos = [ "md5" "sha1" "sha256" "sha512" ];
  inputs = [
    ""
    "abc"
    "The quick brown fox jumps over the lazy dog"
    "héllo ☃ wörld 😀 日本語"
    "line one\nline two\r\n\ttabbed\\ \"quoted\" \${not interpolated}"
    (builtins.concatStringsSep "" (builtins.genList (i: "0123456789") 10000))
  ];
in
map (algo: map (s: builtins.hashString algo s) inputs) algos
