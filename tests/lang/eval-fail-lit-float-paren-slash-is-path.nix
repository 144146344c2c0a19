# (1.0) applied to the path /3
(1.0)/3
