"""LanguageTool: an HTTP client with an on-disk cache, and a local server fetched from Maven."""
