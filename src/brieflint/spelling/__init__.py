"""Spelling services: correction candidates and the per-document word analysis rules share."""
