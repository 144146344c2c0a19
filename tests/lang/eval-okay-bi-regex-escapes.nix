# Only the special characters may be escaped.
with builtins;
[ (match "\\." ".") (match "\\." "a") (match "\\*\\+\\?" "*+?")
  (match "\\(\\)" "()") (match "\\[" "[") (match "\\{" "{")
  (match "\\|" "|") (match "\\^\\$" "^$") (match "\\\\" "\\")
  (match "a\\.b" "a.b") ]
