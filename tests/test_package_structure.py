"""The library's shape holds: no import cycles, no module over 400 lines, no reach into private names.

Every ``workbook.*`` import counts, including those inside functions (a lazy
import hides a cycle from Python, not from a reader). The graph is built from
the source's AST, so a module need not be importable to be checked.
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

PACKAGE = Path(__file__).resolve().parents[1] / "workbook"
MAX_LINES = 400


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def _imports(module: str, path: Path) -> list[tuple[str, list[str], int]]:
    """``(imported module, imported names, line)`` for every import in the file, at any depth."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, [], node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([base] if base else []))
            found.append((base, [alias.name for alias in node.names], node.lineno))
    return found


def import_graph() -> nx.DiGraph:
    """Modules of ``workbook`` and the ``workbook.*`` imports between them."""
    modules = _modules()

    def owner(name: str) -> str:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name

    graph = nx.DiGraph()
    graph.add_nodes_from(modules)
    for module, path in modules.items():
        for base, names, _ in _imports(module, path):
            if not base.startswith("workbook"):
                continue
            # ``from workbook.portfolio import build`` imports the submodule, not only the package
            for target in {owner(base), *(owner(f"{base}.{n}") for n in names)}:
                if target and target != module:
                    graph.add_edge(module, target)
    return graph


def test_workbook_modules_have_no_import_cycles():
    graph = import_graph()
    assert graph.number_of_edges() > 100, "the import graph looks empty: the walker is broken"
    cycles = sorted(sorted(c) for c in nx.strongly_connected_components(graph) if len(c) > 1)
    assert cycles == [], "import cycles (each set imports itself round): " + "; ".join(" <-> ".join(c) for c in cycles)


def test_cycle_walker_sees_imports_inside_functions(tmp_path):
    source = "def f():\n    from workbook.districts import load_district\n    return load_district\n"
    path = tmp_path / "probe.py"
    path.write_text(source)
    assert ("workbook.districts", ["load_district"], 2) in _imports("workbook.probe", path)


def test_no_workbook_module_is_over_400_lines():
    lengths = {p.relative_to(PACKAGE.parent).as_posix(): len(p.read_text(encoding="utf-8").splitlines())
               for p in sorted(PACKAGE.rglob("*.py"))}
    assert len(lengths) > 50, "found too few modules: the walk is broken"
    long = {name: n for name, n in lengths.items() if n > MAX_LINES}
    assert long == {}, f"modules over {MAX_LINES} lines: split them by concern"


def test_no_module_imports_private_names_of_another_module():
    reaches = []
    for module, path in _modules().items():
        for base, names, line in _imports(module, path):
            if not base.startswith("workbook") or base == module:
                continue
            private = [n for n in names if n.startswith("_") and not n.startswith("__")]
            if private:
                reaches.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {', '.join(private)} from {base}")
    assert reaches == []


def test_no_module_level_getattr_lazy_loader():
    loaders = []
    for module, path in _modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        loaders += [f"{module}:{n.lineno}" for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "__getattr__"]
    assert loaders == [], "a module-level __getattr__ hides what a module exports; import it plainly"


def test_tools_package_docstring_names_every_calculator_module():
    import workbook.tools

    doc = workbook.tools.__doc__ or ""
    modules = sorted(p.stem for p in (PACKAGE / "tools").glob("*.py") if p.stem != "__init__")
    missing = [m for m in modules if f"``{m}``" not in doc]
    assert missing == [], "add a line for each to the table in workbook/tools/__init__.py"
