# args: --strict --arg x 1+2 --argstr s hello
{ x, s, d ? "default" }: { inherit x s d; }
