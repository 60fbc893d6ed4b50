"""Readers: a draft file of each format turned into the text brieflint lints."""
