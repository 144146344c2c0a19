# "$${" is literal text, so the string ends at the next quote
"$${"a"}"
