"""Word (.docx) drafts: opening the package safely, reading its text with a map back to the
XML, and writing findings and fixes back into a copy (comments, tracked changes).

Only this package imports python-docx and lxml, inside functions where start-up matters.
"""
