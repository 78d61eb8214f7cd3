"""``--execute``: re-run each notebook with papermill and the candidate's own parameters."""

from __future__ import annotations

from pathlib import Path

from workbook.portfolio.preprocessors._common import tags_of
from workbook.portfolio.preprocessors.parameters import read_parameters

__all__ = ["candidate_parameters", "execute_notebooks"]


def candidate_parameters(nb: object) -> dict[str, object]:
    """The values the candidate last ran with: injected parameters, else the parameters cell.

    >>> import nbformat
    >>> nb = nbformat.v4.new_notebook(cells=[
    ...     nbformat.v4.new_code_cell("seed = 1\\ndistrict = 'a'", metadata={"tags": ["parameters"]}),
    ...     nbformat.v4.new_code_cell("seed = 9", metadata={"tags": ["injected-parameters"]})])
    >>> candidate_parameters(nb)
    {'seed': 9, 'district': 'a'}
    """
    declared: dict[str, object] = {}
    injected: dict[str, object] = {}
    for cell in nb.cells:  # type: ignore[attr-defined]
        tags = tags_of(cell)
        if cell.cell_type == "code" and "parameters" in tags:
            declared.update({k: v["value"] for k, v in read_parameters(cell.source).items()})
        if cell.cell_type == "code" and "injected-parameters" in tags:
            injected.update({k: v["value"] for k, v in read_parameters(cell.source).items()})
    return {**declared, **injected}


def execute_notebooks(found: dict[str, Path], workdir: Path, *, timeout: int = 600) -> tuple[dict[str, Path], list[str]]:
    """Run each notebook into ``workdir``; return the executed copies and warnings.

    The candidate's files are never modified. A notebook that stops with an error
    is kept as far as it ran (its status will be "in progress") and named in a warning.
    """
    import nbformat
    import papermill as pm

    from workbook.kernels import run_notebook

    executed: dict[str, Path] = {}
    warnings: list[str] = []
    workdir.mkdir(parents=True, exist_ok=True)
    for pid, path in found.items():
        params = candidate_parameters(nbformat.read(path, as_version=4))
        params = {k: v for k, v in params.items() if isinstance(v, (str, int, float, bool, list, dict, type(None)))}
        out = workdir / path.name
        try:
            run_notebook(path, out, params, cwd=str(path.parent), execution_timeout=timeout)
        except pm.PapermillExecutionError as exc:
            warnings.append(f"{pid}: stopped with {exc.ename} in cell {exc.exec_count}; shown as far as it ran")
        except Exception as exc:  # a kernel that dies must not lose the rest of the portfolio
            warnings.append(f"{pid}: could not be executed ({type(exc).__name__}: {exc}); used the saved notebook")
            continue
        executed[pid] = out if out.is_file() else path
    return executed, warnings
