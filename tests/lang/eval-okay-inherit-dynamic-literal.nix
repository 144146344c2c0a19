{ inherit ({ ab = 1; }) ${"ab"}; }
