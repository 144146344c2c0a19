abort { __toString = s: "from toString"; }
