# args: --strict --arg y 1
{ x, y }: x + y
