"""Places: ISO 3166-1 countries, how documents name them, and the curated regions, as one gazetteer.

Pure and standard-library only; the enrichment finds places with it, the
curation checks region codes against it, the SQL checks read its country codes.
"""
