# args: --strict --arg x 1 --arg y [true]
{ x, ... }@args: args
