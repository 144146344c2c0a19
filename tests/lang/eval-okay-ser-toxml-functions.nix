builtins.toXML { f = { y, x, a ? 1, ... }@args: x; g = z: z; h = { }: 1; i = { ... }: 1; j = args@{ b }: b; }
