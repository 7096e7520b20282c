"""YAML records validated by pydantic models, with errors that name the file, the line and the field: the
manifest, the snapshot records and any other hand-written YAML the project reads."""
from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from .errors import CorpusError


def line_of(root: yaml.Node | None, loc: tuple) -> int | None:
    """1-based line of the YAML node at a pydantic error location, or of its nearest parent."""
    node, line = root, None
    for key in loc:
        if node is None:
            break
        line = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == key), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
            node = node.value[key]
        else:
            node = None
    return node.start_mark.line + 1 if node is not None else line


def read_yaml(path: Path, what: str) -> tuple[yaml.Node | None, object]:
    """The file's node tree (for line numbers) and its data; CorpusError if it is missing or not YAML."""
    if not path.exists():
        raise CorpusError(f"{path}: {what} not found")
    text = path.read_text(encoding="utf-8")
    try:
        return yaml.compose(text), yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise CorpusError(f"{path}: not valid YAML: {exc}") from None


def validate(path: Path, root: yaml.Node | None, raw, model: type[BaseModel], what: str) -> BaseModel:
    """`raw` as a `model`; every problem as `file:line: field a.b: message`, under the heading `malformed <what>`."""
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        problems = [f"{path}:{line_of(root, err['loc']) or '?'}: field {'.'.join(map(str, err['loc'])) or '(top level)'}: "
                    f"{err['msg']}" for err in exc.errors()]
        raise CorpusError(f"malformed {what}\n" + "\n".join(problems)) from None
