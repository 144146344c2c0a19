# args: --xml --no-location --strict
args@{ a }: a
