"""The one text model of extraction and enrichment: where sentences are, and the date a document speaks from.

Pure and standard-library only. Extraction reads yearless dates against the
document date, enrichment reads ``last year`` and ``in May`` against the same
one; both cut the text into the same sentences.
"""
