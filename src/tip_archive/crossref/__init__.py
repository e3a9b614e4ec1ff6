"""Cross-referencing: one index of all records, references checked, backlinks computed once."""
