"""Real-browser tests of the built site (marker ``browser``); see ``conftest.py``."""
