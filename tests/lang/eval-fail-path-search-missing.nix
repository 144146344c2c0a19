import <nonexistent-tangle-test-path>
