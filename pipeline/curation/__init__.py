"""Curated knowledge kept as YAML under ``sources/``: regions, indicators and the documents' claims.

Every loader here is pure (a path or parsed data in, records out) and checks
each entry before anything is written; a bad entry raises ``CurationError``
naming the file, the entry and what is wrong.
"""
