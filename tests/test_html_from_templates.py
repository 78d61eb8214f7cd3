"""No HTML is assembled with f-strings, ``%`` or ``str.format`` in the package: pages, reports,
status lines and widget text come from autoescaping Jinja templates (workbook/templating.py)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "workbook"
TAG = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9]*(\s|>|/|$)")


def _html_formatting(tree: ast.AST) -> list[int]:
    """Line numbers of f-strings, ``%`` or ``.format`` whose literal text holds an HTML tag."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            text = "".join(v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str))
            if TAG.search(text):
                found.append(node.lineno)
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod) and isinstance(node.left, ast.Constant):
            if isinstance(node.left.value, str) and TAG.search(node.left.value):
                found.append(node.lineno)
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format"
              and isinstance(node.func.value, ast.Constant) and isinstance(node.func.value.value, str)
              and TAG.search(node.func.value.value)):
            found.append(node.lineno)
    return found


def test_scanner_finds_html_built_by_formatting():
    source = 'a = f"<p>{x}</p>"\nb = "<b>%s</b>" % x\nc = "<i>{}</i>".format(x)\nd = f"rate <= {r}"\n'
    assert _html_formatting(ast.parse(source)) == [1, 2, 3]


def test_no_html_assembled_by_string_formatting():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for line in _html_formatting(ast.parse(path.read_text(encoding="utf-8"))):
            offenders.append(f"{path.relative_to(PACKAGE.parent)}:{line}")
    assert offenders == []
