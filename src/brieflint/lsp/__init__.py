"""brieflint's language server (``brieflint lsp``): findings as an author types, with quick fixes.

Modules, one job each: ``positions`` (LSP positions ↔ offsets, in the negotiated encoding),
``blocks`` and ``incremental`` (re-linting only the paragraphs an edit touched), ``diagnostics``
(findings → LSP diagnostics), ``actions`` (quick fixes, fix all, suppress, add to vocabulary),
``vocabulary`` (the house word list, written atomically), ``hover`` (a rule's description and
why), ``linting`` (one open draft's setup, bad input, crashed rules) and ``server`` (the pygls
server that wires them).
"""
