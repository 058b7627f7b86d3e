-- busted runs the helper before each test file
HELPER_LOADED = true
