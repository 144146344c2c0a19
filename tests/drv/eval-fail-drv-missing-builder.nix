# A missing builder is reported when outPath is needed.
"${derivation { name = "n"; system = "s"; }}"
