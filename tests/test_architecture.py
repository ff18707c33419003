"""The house rules of the code layout (README, "For developers"): each layer imports only
the layers below it, no module grows past what a newcomer can read, exits are named."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "baocao"
# What each folder may import from the rest of baocao (i18n, like errors, is below them all:
# the messages a user reads, in their language).
ALLOWED = {
    "vietnamese": set(),
    "extract": {"datamodel", "errors", "i18n", "vietnamese", "extract"},
    "nlp": {"datamodel", "errors", "i18n", "vietnamese", "nlp"},
    "store": {"datamodel", "errors", "i18n", "vietnamese", "store"},
}
MAX_LINES = 450
MAX_CLI_LINES = 300


def _imports(path: Path) -> set[str]:
    """The baocao sub-packages a module imports (`from baocao.nlp.x import y` → "nlp")."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "baocao" and len(parts) > 1:
                found.add(parts[1])
    return found


@pytest.mark.parametrize("folder", sorted(ALLOWED))
def test_layers_import_only_what_is_below_them(folder: str) -> None:
    for path in sorted((PACKAGE / folder).rglob("*.py")):
        extra = _imports(path) - ALLOWED[folder]
        assert not extra, f"{path.relative_to(PACKAGE)} imports baocao.{', '.join(extra)}"


def test_modules_stay_small() -> None:
    sizes = {p.relative_to(PACKAGE): len(p.read_text(encoding="utf-8").splitlines())
             for p in PACKAGE.rglob("*.py")}
    assert {p: n for p, n in sizes.items() if n > MAX_LINES} == {}
    assert sizes[Path("pipelines/cli.py")] < MAX_CLI_LINES


def test_every_exit_is_named() -> None:
    """sys.exit / typer.Exit / exit_code= with a bare number: use errors.ExitCode."""
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = ast.unparse(node.func)
                args = [*node.args, *(k.value for k in node.keywords if k.arg == "exit_code")]
                if name.endswith(("exit", "Exit")) or any(k.arg == "exit_code"
                                                         for k in node.keywords):
                    literal = [a for a in args if isinstance(a, ast.Constant)
                               and isinstance(a.value, int)]
                    assert not literal, f"{path.relative_to(PACKAGE)}:{node.lineno}: {name}"
