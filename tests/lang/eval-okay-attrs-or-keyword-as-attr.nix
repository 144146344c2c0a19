{ or = 1; }.or
