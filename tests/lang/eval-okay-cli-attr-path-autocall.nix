# args: --strict --argstr n world -A greeting
{ n }: { greeting = "hello ${n}"; }
