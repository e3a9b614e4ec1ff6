"""Putting the stages together: one call from data folder to pages, the atomic site build, its summary."""
