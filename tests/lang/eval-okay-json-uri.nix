# args: --json --strict
http://x.org/a?b=c
