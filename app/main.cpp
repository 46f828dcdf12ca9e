// Placeholder until the ui library provides the main window.
int main() { return 0; }
