"""Rendering: the archive into Markdown pages and data files, for any site generator."""
