"""Outside evidence: the structured snapshots under data/raw/external (Epoch AI, LMArena, models.dev, the community
list of Chinese models, awesome-robots) as tidy tables, one short module per source (raw snapshot → tidy table, as
in OWID's etl), joined through the entity registry (cnai.registry), and the tables derived from them.

Every step reads its files through `cnai.snapshots.snapshot(name)`, so a changed byte stops it; a value that does
not parse is an error naming the file, the row and the column.
"""
