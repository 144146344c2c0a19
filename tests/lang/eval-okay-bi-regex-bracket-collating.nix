# Collating symbols use POSIX names; an equivalence class matches both cases.
with builtins;
[ (match "[[.space.]]" " ") (match "[[.hyphen.]]" "-") (match "[[.a.]]" "a")
  (match "[[.plus-sign.]]+" "++") (match "[[.space.]-a]" "B")
  (match "[[=a=]]" "A") (match "[[=a=]]" "a") (match "[[=a=]]" "b") ]
