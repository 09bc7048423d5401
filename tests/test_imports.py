"""No import circle in ``src/newsclean``.

A module depends on every ``newsclean`` module its import statements name, wherever they stand
(an import inside a function counts: the circle this guards against ran through one, in
``Pipeline.default``). ``from newsclean.stages import byline`` names the submodule
``newsclean.stages.byline``; ``from newsclean import clean_article`` names the package's
``__init__``. A package is not counted as a dependency of its own submodules: Python runs it
first, and it only matters when a submodule imports names from it, which is counted.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"


def module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def import_graph(root: Path, package: str) -> dict[str, set[str]]:
    """Each module of ``package`` under ``root`` -> the modules of ``package`` it imports."""
    files = {module_name(p, root): p for p in sorted((root / package).rglob("*.py"))}
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        is_package = path.name == "__init__.py"
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:  # a relative import: from the module's own package up
                    here = name.split(".") if is_package else name.split(".")[:-1]
                    here = here[: len(here) - node.level + 1]
                    base = ".".join(here + ([base] if base else []))
                for alias in node.names:
                    sub = f"{base}.{alias.name}"
                    found.add(sub if sub in files else base)
        graph[name] = {m for m in found if m in files and m != name}
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_src_has_no_import_circle() -> None:
    graph = import_graph(SRC, "newsclean")
    assert {"newsclean", "newsclean.pipeline", "newsclean.registry", "newsclean.stages.promos"} <= set(graph)
    assert circles(graph) == []


def test_the_stages_depend_on_the_registry_not_the_pipeline() -> None:
    graph = import_graph(SRC, "newsclean")
    stages = [name for name in graph if name.startswith("newsclean.stages.")]
    assert stages and all("newsclean.pipeline" not in graph[name] for name in stages)
    assert "newsclean.registry" in graph["newsclean.stages.promos"]


def write(root: Path, files: dict[str, str]) -> None:
    for name, source in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")


@pytest.mark.parametrize("files", [
    pytest.param({
        "pkg/__init__.py": "",
        "pkg/pipeline.py": "def default():\n    import pkg.stages\n",
        "pkg/stages/__init__.py": "from pkg.stages import promos\n",
        "pkg/stages/promos.py": "from pkg.pipeline import stage\n",
    }, id="through-an-import-in-a-function"),
    pytest.param({
        "pkg/__init__.py": "from pkg.cli import main\n",
        "pkg/cli.py": "from pkg import clean\n",
    }, id="names-from-the-package"),
    pytest.param({
        "pkg/__init__.py": "",
        "pkg/a.py": "from . import b\n",
        "pkg/b.py": "from .a import thing\n",
    }, id="relative"),
])
def test_a_circle_is_found(tmp_path: Path, files: dict[str, str]) -> None:
    write(tmp_path, files)
    assert len(circles(import_graph(tmp_path, "pkg"))) == 1


def test_a_package_importing_its_submodules_is_no_circle(tmp_path: Path) -> None:
    write(tmp_path, {
        "pkg/__init__.py": "import pkg.stages\nfrom pkg.pipeline import Pipeline\n",
        "pkg/pipeline.py": "from pkg.registry import create\n",
        "pkg/registry.py": "",
        "pkg/stages/__init__.py": "from pkg.stages import promos\n",
        "pkg/stages/promos.py": "from pkg.registry import stage\n",
    })
    assert circles(import_graph(tmp_path, "pkg")) == []
