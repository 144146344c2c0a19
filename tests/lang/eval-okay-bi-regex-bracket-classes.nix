# POSIX classes of the C locale, in any case, plus the w, d and s names.
with builtins;
let t = re: map (s: match re s != null) [ "a" "Z" "5" " " "\t" "_" "-" "\n" ];
in [
  (t "[[:alpha:]]") (t "[[:digit:]]") (t "[[:alnum:]]") (t "[[:space:]]")
  (t "[[:blank:]]") (t "[[:upper:]]") (t "[[:lower:]]") (t "[[:punct:]]")
  (t "[[:xdigit:]]") (t "[[:cntrl:]]") (t "[[:print:]]") (t "[[:graph:]]")
  (t "[[:ALPHA:]]") (t "[[:w:]]") (t "[[:d:]]") (t "[[:s:]]")
  (t "[^[:alpha:]]") (t "[[:digit:][:upper:]_]")
]
