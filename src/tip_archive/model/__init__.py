"""The archive's domain model: records, UN document symbols and partial dates.

Nothing in this package imports MkDocs.
"""
