{ a.${null} = 1; }
