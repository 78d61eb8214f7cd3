"""Source of the notebook: run it to rebuild the .ipynb, then scripts/store_checked_outputs.py."""
from pathlib import Path
ROOT = Path(__file__).resolve().parents[2]
import nbformat
from nbformat.v4 import new_notebook, new_markdown_cell as md, new_code_cell as code
def tagged(cell, *tags, **wb):
    cell.metadata["tags"] = list(tags)
    if wb: cell.metadata["workbook"] = wb
    return cell
cells = [
md("""# Start here: how this workbook works

Welcome to the **CTO Workbook** of CETPA's CTO Mentor program. Each of the sixteen principles of the curriculum has one notebook like this one: readings, a worked example, exercises on your own district's numbers, reflection prompts, and artifacts for your portfolio. You never need a terminal: everything is a cell, a slider or a button.

## 1. Run a cell

A notebook is a page of **cells**. Text cells (like this one) are for reading. Code cells (grey boxes) do the arithmetic. Click in a code cell and press **Shift+Enter** to run it; the result appears below it. Run the cells of a notebook **from the top**, in order: later cells use what earlier ones computed. If something looks wrong, use *Kernel → Restart Kernel and Run All Cells*.

## 2. Your district

Every notebook starts with a **parameters** cell. Its first line says which district you work on:

* `sample-rural`, `sample-suburban` or `sample-urban`: three synthetic California districts (made-up numbers of realistic size), or
* the path of **your own district file**. Your instructor or the command `workbook districts template my-district.yaml` gives you a blank one with a comment on every line; `workbook districts check my-district.yaml` tells you, field by field, anything that needs fixing.

Your instructor's roster sets `candidate` and `seed` for you; the seed varies the synthetic quotes so every candidate has their own numbers."""),
tagged(code('''district: str = "sample-suburban"  # a sample id or the path of your district file
candidate: str = "demo"  # your candidate id
seed: int = 2026  # set by your instructor's roster
fiscal_year: str = "2026-27"  # California fiscal year, July to June
workspace: str = "."  # the folder that holds your notebooks (this one's folder)'''), "parameters"),
tagged(code('''from workbook.notebook import answer, show_table, start
from workbook.progress import progress_table

wb = start("START", district=district, candidate=candidate, seed=seed, fiscal_year=fiscal_year)
wb'''), "hide-input"),
md("""## 3. Check an answer

Exercises end with a call like `answer("exercise-id", value)`. It records your answer for the instructor, and checks it on the spot against the rubric's public checks: **matches**, or **not yet** with a hint. It never shows you the expected value, and a wrong answer never stops the notebook.

Try it: a cart of 30 Chromebooks at 289 dollars each. Change the formula below to the cost of the cart, then run the cell."""),
tagged(code('''cart_cost = 30 * 289
answer("start-practice", cart_cost)'''), id="start-practice", kind="exercise"),
md("""## 4. Reflections and artifacts

Cells marked **Reflection** are for your own writing: double-click one, write, and press Shift+Enter. Your mentor reads them in your portfolio and your instructor scores them with the rubric's criteria. Charts and tables marked **Artifact** are collected into your portfolio's gallery.

Some cells are tagged `private`: whatever you put there never leaves your workspace.

## 5. Your portfolio

When you finish a notebook, save it (Ctrl+S). Your instructor collects it from your hub folder for grading. `workbook portfolio build` turns your completed notebooks into a website you can open from a USB stick or upload: an index with the curriculum summary, one page per principle, your artifacts and your reflections. It makes no request to any other website.

## 6. Your progress

The table below reads the notebooks in your folder and shows, for each of the sixteen principles, how many exercises you have answered and reflections you have written. Run it again whenever you like."""),
code('''show_table(progress_table(workspace), "Your progress through the sixteen principles")'''),
md("""**Next:** open `leadership/L6-fiscal-management.ipynb`, the first notebook available."""),
]
nb = new_notebook(cells=cells)
nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
nb.metadata["language_info"] = {"name": "python"}
nb.metadata["workbook"] = {"schema_version": 1, "principle": "START", "title": "Start here"}
for i, c in enumerate(nb.cells):
    c["id"] = c.metadata.get("workbook", {}).get("id") or f"start-cell-{i:02d}"
nbformat.validate(nb)
nbformat.write(nb, str(ROOT / "notebooks/00-start-here.ipynb"))
