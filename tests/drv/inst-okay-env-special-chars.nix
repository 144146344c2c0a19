# ATerm escaping: quotes, backslashes, newline, tab and CR are escaped;
# other bytes (unicode, control characters) are written as they are.
# (`control` holds the raw bytes 0x01, 0x02, ESC [0m and 0x7f.)
derivation {
  name = "special";
  system = "x86_64-linux";
  builder = "/bin/sh";
  quote = "\"";
  backslash = "\\";
  both = "\\\"\\n";
  newline = "a\nb\n";
  tab = "\t";
  cr = "\r\n";
  unicode = "héllo wörld ☃ 𝄞 日本語";
  control = "[0m";
  dollar = "\${not interpolated} $HOME";
  "key \"quoted\"" = "v";
  "ключ" = "значение";
  "" = "empty key";
  "with\nnewline" = "k";
}
