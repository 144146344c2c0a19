# "]" and "}" on their own are ordinary characters.
with builtins;
[ (match "]" "]") (match "}" "}") (match "a]" "a]") (match "a}" "a}") (match "[}]" "}") ]
