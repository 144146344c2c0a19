toString ./src-fixture
