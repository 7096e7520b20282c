"""Stage 1, the corpus: the manifest of raw documents, the cleaning rules and the layouts that turn each raw text
into paragraphs with an account of every line."""
