{ inherit ({ ab = 1; }) ${"a" + "b"}; }
