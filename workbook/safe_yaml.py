"""YAML from people we do not trust: no anchors or aliases, bounded size, depth and keys.

A district file is a few dozen ``field: value`` lines, yet ``yaml.safe_load``
expands a 441-byte "billion laughs" alias bomb into gigabytes, and a file
nested a few thousand levels deep ends in ``RecursionError``. :func:`load_yaml`
refuses what a district file never needs, before it costs anything:

- more than ``max_bytes`` of text;
- an anchor (``&name``) or an alias (``*name``), hence also ``<<`` merge keys;
- nesting deeper than ``max_depth``;
- more than ``max_nodes`` values (keys, scalars, lists and mappings together).

Every refusal and every parse failure is a :class:`YAMLRefused` whose message
says what is wrong and where, in plain words, never a traceback.

Examples
--------
>>> load_yaml("enrollment:\\n  tk_3: 300\\n")
{'enrollment': {'tk_3': 300}}
>>> load_yaml("a: &x [1, 2]\\nb: *x\\n")
Traceback (most recent call last):
...
workbook.safe_yaml.YAMLRefused: an anchor (&name) or alias (*name) at line 1, column 4: these are not allowed, write each value out in full
>>> load_yaml("[" * 100_000)
Traceback (most recent call last):
...
workbook.safe_yaml.YAMLRefused: nested more than 20 levels deep at line 1, column 21: a district file needs at most 3
>>> load_yaml("a: [1, 2\\n")
Traceback (most recent call last):
...
workbook.safe_yaml.YAMLRefused: not valid YAML at line 2, column 1: expected ',' or ']', but got '<stream end>'
"""

from __future__ import annotations

from typing import Any

import yaml

from workbook.errors import WorkbookError

__all__ = ["YAMLRefused", "load_yaml", "MAX_BYTES", "MAX_DEPTH", "MAX_NODES"]

#: Largest YAML text accepted (a full district file is about 5 KB).
MAX_BYTES = 256 * 2**10
#: Deepest nesting accepted (a district file nests 2 levels).
MAX_DEPTH = 20
#: Most values accepted: keys, scalars, lists and mappings (a district file has about 150).
MAX_NODES = 5_000


class YAMLRefused(WorkbookError):
    """The YAML text is not valid, or asks for more than a data file may (aliases, depth, size)."""


def _where(mark: Any) -> str:
    return f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""


class _BoundedLoader(yaml.SafeLoader):
    """``SafeLoader`` whose composer refuses anchors and aliases and counts depth and nodes."""

    max_depth = MAX_DEPTH
    max_nodes = MAX_NODES

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0
        self._nodes = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise YAMLRefused("an anchor (&name) or alias (*name)" + _where(event.start_mark)
                              + ": these are not allowed, write each value out in full")
        self._nodes += 1
        if self._nodes > self.max_nodes:
            raise YAMLRefused(f"more than {self.max_nodes:,} values (reached{_where(event.start_mark)}): "
                              "too many for a data file")
        self._depth += 1
        try:
            if self._depth > self.max_depth:
                raise YAMLRefused(f"nested more than {self.max_depth} levels deep{_where(event.start_mark)}: "
                                  "a district file needs at most 3")
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def load_yaml(text: str, *, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH, max_nodes: int = MAX_NODES) -> Any:
    """Parse one YAML document of plain data, within the limits above.

    Parameters
    ----------
    text
        The YAML text.
    max_bytes, max_depth, max_nodes
        The limits (see the module's docstring).

    Raises
    ------
    YAMLRefused
        The text is too large, uses anchors or aliases, nests or counts past a
        limit, or is not valid YAML; the message says where.

    Examples
    --------
    >>> load_yaml("x: 1\\n" * 3 + "y: 2\\n", max_nodes=4)
    Traceback (most recent call last):
    ...
    workbook.safe_yaml.YAMLRefused: more than 4 values (reached at line 2, column 4): too many for a data file
    >>> load_yaml("x" * 20, max_bytes=10)
    Traceback (most recent call last):
    ...
    workbook.safe_yaml.YAMLRefused: the file is 20 bytes, over the limit of 10 bytes for a data file
    """
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise YAMLRefused(f"the file is {size:,} bytes, over the limit of {max_bytes:,} bytes for a data file")
    loader = _BoundedLoader(text)
    loader.max_depth, loader.max_nodes = max_depth, max_nodes
    try:
        return loader.get_single_data()
    except YAMLRefused:
        raise
    except yaml.MarkedYAMLError as exc:
        what = exc.problem or exc.context or "not valid YAML"
        raise YAMLRefused(f"not valid YAML{_where(exc.problem_mark)}: {what}") from None
    except yaml.YAMLError as exc:
        raise YAMLRefused(f"not valid YAML: {exc}") from None
    except RecursionError:
        raise YAMLRefused(f"nested too deeply to read (the limit is {max_depth} levels)") from None
    except (ValueError, TypeError, OverflowError) as exc:  # e.g. a date or number the constructor rejects
        raise YAMLRefused(f"a value cannot be read: {exc}") from None
    finally:
        loader.dispose()
