"""The house rules of the code layout (docs/developers.md): each layer imports only the layers
below it (cli → outputs → store; cli → pipelines → extract, nlp, store), no module imports
another that imports it back, no module grows past what a newcomer can read, exits are named."""

from __future__ import annotations

import ast
import re
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
    # The processing: files in, rows written. Nothing of what people see.
    "pipelines": {"datamodel", "errors", "i18n", "vietnamese", "extract", "nlp", "store",
                  "pipelines"},
    # What people see, read back from the store (page images from the source file through
    # extract/); never the pipeline that wrote it.
    "outputs": {"datamodel", "errors", "i18n", "vietnamese", "extract", "nlp", "store",
                "outputs"},
    # The command line: parses arguments, calls outputs/ or pipelines/, prints.
    "cli": {"datamodel", "errors", "i18n", "extract", "store", "pipelines", "outputs", "cli"},
}
MAX_PIPELINE_MODULES = 8
MAX_LINES = 450
MAX_CLI_LINES = 300


def _imported(path: Path) -> set[str]:
    """The baocao names a module imports, anywhere in it (inside functions too):
    `from baocao.nlp import x` → {"baocao.nlp", "baocao.nlp.x"}."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found |= {node.module} | {f"{node.module}.{a.name}" for a in node.names}
        elif isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
    return {name for name in found if name.split(".")[0] == "baocao"}


def _imports(path: Path) -> set[str]:
    """The baocao sub-packages a module imports (`from baocao.nlp.x import y` → "nlp")."""
    return {name.split(".")[1] for name in _imported(path) if "." in name}


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> dict[str, set[str]]:
    """Module → the baocao modules it imports (a name that is not a module, such as a
    function, counts as its module)."""
    paths = {_module(p): p for p in PACKAGE.rglob("*.py")}
    graph = {}
    for name, path in paths.items():
        targets = set()
        for imported in _imported(path):
            while imported not in paths and "." in imported:
                imported = imported.rsplit(".", 1)[0]
            if imported in paths and imported != name:
                targets.add(imported)
        graph[name] = targets
    return graph


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Each set of modules that import one another, around (Tarjan's strongly connected
    components of more than one module); a package importing its own modules is no cycle."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph[node]:
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return cycles


@pytest.mark.parametrize("folder", sorted(ALLOWED))
def test_layers_import_only_what_is_below_them(folder: str) -> None:
    for path in sorted((PACKAGE / folder).rglob("*.py")):
        extra = _imports(path) - ALLOWED[folder]
        assert not extra, f"{path.relative_to(PACKAGE)} imports baocao.{', '.join(extra)}"


def test_no_import_cycle() -> None:
    """No module imports one that imports it back, directly or through others, not even
    inside a function: a cycle means two rooms that are one."""
    graph = import_graph()
    # a package's __init__ that re-exports its modules is not a cycle with them
    for name, targets in graph.items():
        graph[name] = {t for t in targets if not name.startswith(t + ".")}
    assert import_cycles(graph) == []


def test_import_cycles_are_found() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert import_cycles(graph) == [["a", "b", "c"]]


def test_pipelines_keep_the_processing_only() -> None:
    modules = [p for p in (PACKAGE / "pipelines").glob("*.py") if p.name != "__init__.py"]
    assert len(modules) <= MAX_PIPELINE_MODULES, sorted(p.name for p in modules)


def test_no_css_or_javascript_in_python() -> None:
    """Pages are files: CSS and JavaScript live in outputs/static/, HTML in templates/."""
    markers = re.compile(
        # a JavaScript function (not sqlite3's create_function(), nor the word in a comment)
        r"(?<![\w.])function\s*\w*\s*\([^()]*\)\s*\{|\)\s*=>|addEventListener|querySelector|"
        r"getElementById|\{ position:|font-family:|border-collapse:|<style|<script|"
        r"\{ *[a-z-]+ *: *[^;{}\"'\n]+;|"  # a CSS rule: .x { color: #222; }
        # an HTML element written out in Python, a page built from strings, not a template
        # (a regular expression's named group, (?P<label>…), is none)
        r"(?<!\?P)</?(html|head|body|a|aside|b|br|div|dl|dt|dd|h[1-6]|header|img|input|label|"
        r"li|mark|nav|option|p|section|select|small|span|table|tbody|td|th|thead|tr|ul)[\s>/]")
    for path in PACKAGE.rglob("*.py"):
        found = [m.group() for m in markers.finditer(path.read_text(encoding="utf-8"))]
        assert not found, f"{path.relative_to(PACKAGE)} holds {found}"


def test_modules_stay_small() -> None:
    sizes = {p.relative_to(PACKAGE): len(p.read_text(encoding="utf-8").splitlines())
             for p in PACKAGE.rglob("*.py")}
    assert {p: n for p, n in sizes.items() if n > MAX_LINES} == {}
    assert {p: n for p, n in sizes.items() if p.parts[0] == "cli" and n > MAX_CLI_LINES} == {}


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
