[ ("a" + { __toString = s: "b"; }) ({ __toString = s: "b"; } + "a") ({ outPath = "o"; } + "a") ({ __toString = s: "b"; } + { __toString = s: "c"; }) ]
