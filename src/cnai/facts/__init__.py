"""Stage 3, curated facts: the tables under data/curated, their schemas, the checks of every row against its
quote, the curation mappings under data/mappings, and the numbers derived from the facts."""
