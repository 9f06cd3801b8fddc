"""briefgen."""
