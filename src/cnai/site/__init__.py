"""Stage 6, the site: the chart theme and `show`, tables, generated reference pages, the Sphinx extension, the
build and the headless-browser helpers."""
