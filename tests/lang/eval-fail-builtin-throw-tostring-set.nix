throw { __toString = s: "from toString"; }
