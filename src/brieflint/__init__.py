"""brieflint: an editorial linter and review workflow for policy-brief drafts."""

__version__ = "0.1.0"
