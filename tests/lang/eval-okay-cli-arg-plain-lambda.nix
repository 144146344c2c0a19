# args: --strict --arg x 1
x: x
