"""China AI industry data book: the package every chapter loads its data through.

Stages, in the order data moves (a stage imports only from stages before it):

1. `cnai.corpus`: the raw documents, their manifest, the cleaning rules and layouts;
2. `cnai.text`: segmentation with jieba and the project dictionary, keywords, topics;
3. `cnai.facts`: the curated fact tables, their schemas, provenance checks, mappings and derived numbers;
4. `cnai.data.load`: the one entry point, which dispatches a table name to the stage that makes it;
5. `cnai.views`: one module per chapter, small tables ready to chart;
6. `cnai.site`: charts, tables, reference pages, the Sphinx extension, the build and the browser helpers.

`cnai.paths`, `cnai.errors` and `cnai.dates` are shared by all of them. Importing the package reads no file,
touches no network and prints nothing.
"""


def load(name, sources=None):
    """`cnai.data.load`, importable as `cnai.load` (the import is deferred so that `import cnai` stays light)."""
    from .data import Sources, load as _load

    return _load(name, sources or Sources())
