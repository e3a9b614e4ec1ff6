"""Tools for the people who write the data: record skeletons and numbered data releases."""
