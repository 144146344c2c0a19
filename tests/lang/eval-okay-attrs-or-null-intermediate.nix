{ a = null; }.a.b or 5
