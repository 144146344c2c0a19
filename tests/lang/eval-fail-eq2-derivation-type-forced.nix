# Both sides' `type` are forced (left first) before sizes are compared.
{ type = "derivation"; a = 1; } == { type = throw "right type forced"; }
