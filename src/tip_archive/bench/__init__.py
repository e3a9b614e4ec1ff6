"""The speed benchmark: synthetic archives of any size, built and measured.

``python -m tip_archive.bench`` (``make bench``) generates corpora of 100, 1,000
and 10,000 records outside the real ``data/`` (:mod:`.corpus`), a plain-MkDocs
baseline of as many pages (:mod:`.baseline`), builds both in subprocesses, and
reports times, memory and sizes (:mod:`.measure`, :mod:`.run`).  Nothing here is
imported by the engine; it is a benchmark, not a test.
"""
