"""The agenda cache key covers every module that decides what an agenda means (issue 12.7)."""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

import pytest

from startpakke.agenda import cache

NOT_MEANING = {"startpakke.errors", "startpakke.wording", "startpakke.i18n", "startpakke.paths"}
"""The wording of problems and its language (a cached agenda was valid, so no message
reaches the cache; part labels are worded when shown) and where the cache lives."""


def _is_module_file(name: str) -> bool:
    """`name` is a startpakke module with code of its own (not a package, not a class)."""
    try:
        spec = importlib.util.find_spec(name)
    except ModuleNotFoundError:  # `from startpakke.modeling import Invalid`: Invalid
        return False
    origin = spec.origin if spec is not None else None
    return bool(origin) and str(origin).endswith(".py") and not str(origin).endswith("__init__.py")


def startpakke_imports(module: str) -> set[str]:
    """The startpakke modules `module` imports, anywhere in its code (lazy imports too)."""
    spec = importlib.util.find_spec(module)
    assert spec is not None and spec.origin
    names: set[str] = set()
    for node in ast.walk(ast.parse(Path(spec.origin).read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return {n for n in names if n.startswith("startpakke.") and _is_module_file(n)}


def test_every_module_the_meaning_depends_on_is_in_the_key() -> None:
    """From what the cache itself calls (model, loader, the data glue), every module that
    is reached is in the key."""
    seen: set[str] = set()
    todo = sorted(startpakke_imports("startpakke.agenda.cache") - NOT_MEANING)
    while todo:
        module = todo.pop()
        if module in seen:
            continue
        seen.add(module)
        todo += sorted(startpakke_imports(module) - NOT_MEANING)
    assert seen == set(cache.MEANING), "add the module to cache.MEANING (or NOT_MEANING)"


@pytest.mark.parametrize("module", cache.MEANING)
def test_a_change_in_any_of_them_gives_another_key(
    module: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = cache._key(b"id: x")
    source = cache._source(module)
    assert source is not None
    changed = tmp_path / source.name
    changed.write_bytes(source.read_bytes() + b"\n# changed\n")
    real = cache._source
    monkeypatch.setattr(cache, "_source", lambda m: changed if m == module else real(m))
    assert cache._key(b"id: x") != before
