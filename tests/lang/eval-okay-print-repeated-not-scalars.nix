let s = "s"; f = z: z; in [ s s 1 1 f f ]
