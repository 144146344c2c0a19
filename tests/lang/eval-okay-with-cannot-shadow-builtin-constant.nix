# true is bound lexically (global scope), so with cannot shadow it
with { true = false; }; true
