# args: --xml --no-location --strict
"a<b>&\"'\n"
