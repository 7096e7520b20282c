"""The errors bad input raises. Each message names the file, the line or row, the column and what is wrong."""


class InputError(ValueError):
    """Bad input anywhere in the project's data; the message says where and what."""


class CorpusError(InputError):
    """Bad input in the raw corpus, its manifest or the dictionaries."""


class FactError(InputError):
    """A curated row that cannot be loaded: file, line, column and reason."""


class MappingError(InputError):
    """A value that a curation mapping under data/ does not cover: the message names the file to edit."""
