# the default of a refers to the formal b, not the outer b
let b = 10; in ({ a ? b, b ? 2 }: a) { }
