# args: --json --strict
"é☃😀"
