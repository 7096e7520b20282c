"""Every path the project uses, derived from this file's location."""
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
ROOT = PACKAGE_DIR.parents[1]
DATA = ROOT / "data"
RAW = DATA / "raw"
MANIFEST = RAW / "sources.yml"
EXTERNAL = RAW / "external"
DICT_DIR = DATA / "dict"
USER_DICT = DICT_DIR / "userdict.txt"
STOP_WORDS = DICT_DIR / "stopwords.txt"
TOPICS = DICT_DIR / "topics.yml"
CURATED = DATA / "curated"
MAPPINGS = DATA / "mappings"
REGISTRY = DATA / "registry"
READINGS = DATA / "readings"
PROCESSED = DATA / "processed"
BUILD = ROOT / "_build"
