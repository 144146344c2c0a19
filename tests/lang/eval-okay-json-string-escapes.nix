# args: --json --strict
"a\nb\tc\rd\"e\\f/g$h\${x}$${y}"
