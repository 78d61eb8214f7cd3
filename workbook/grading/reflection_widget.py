"""A JupyterLab form for scoring reflections: pick a candidate and a reflection, read, score, save.

::

    from workbook.grading.reflection_widget import reflection_grader
    reflection_grader("grades/gradebook.sqlite", "submissions/", grader="dr-lee")

The form is a thin layer over :mod:`workbook.grading.reflections`: it reads the
texts with :func:`~workbook.grading.submission_texts.candidate_notebooks`, offers
each criterion's levels and reusable comments
(:func:`~workbook.grading.reflections.comment_bank`) and saves through
:func:`~workbook.grading.reflections.save_reflection`, into the same tables
as the CSV round trip. A bad choice shows the library's message, never a
traceback. Everything works in-process without a browser: set the widgets'
values and call :meth:`ReflectionGrader.save` (or click the button).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from workbook.errors import WorkbookError
from workbook.grading.reflections import (
    check_grader,
    comment_bank,
    migrate,
    reflection_scores,
    save_reflection,
)
from workbook.grading.gradebook import Gradebook
from workbook.grading.submission_texts import candidate_notebooks
from workbook.rubric import load_rubric

__all__ = ["ReflectionGrader", "reflection_grader"]

_NONE = "(not scored)"


class ReflectionGrader:
    """The scoring form. ``widget`` is the ipywidgets box; ``save()`` stores the current choices.

    Parameters
    ----------
    gradebook
        The SQLite gradebook (a path or an open :class:`~workbook.grading.gradebook.Gradebook`);
        its graded candidates are the ones offered.
    submissions
        The submissions folder the reflections are read from.
    grader
        Your name or id, stored with every score.
    """

    def __init__(
        self, gradebook: Any, submissions: str | Path, *, grader: str,
        notebooks: str | Path | None = None, exercises: str | Path | None = None, layout: str | None = None,
    ) -> None:
        import ipywidgets as w

        self.grader = check_grader(grader)
        self.book = gradebook if isinstance(gradebook, Gradebook) else Gradebook(gradebook)
        migrate(self.book)
        results = self.book.results()
        if not results:
            raise WorkbookError(f"the gradebook {self.book.path} holds no graded submissions: run `workbook grade` first")
        principles = sorted({r["principle"] for r in results})
        self.rubrics = {pid: load_rubric(pid, folder=exercises) for pid in principles}
        wanted = {(r["candidate"], r["notebook"]) for r in results}
        items = candidate_notebooks(submissions, notebooks=notebooks, exercises=exercises, layout=layout,
                                    candidates={c for c, _ in wanted}, only=principles)
        self.items = {(i.candidate, i.notebook): i for i in items if (i.candidate, i.notebook) in wanted}
        self.candidate = w.Dropdown(description="Candidate", options=sorted({c for c, _ in self.items}))
        self.reflection = w.Dropdown(description="Reflection", layout=w.Layout(width="40em"))
        self.prompt = w.HTML()
        self.text = w.HTML(layout=w.Layout(border="1px solid #767676", padding="0.5em", max_height="24em", overflow="auto"))
        self.levels: dict[str, Any] = {}
        self.comments: dict[str, Any] = {}
        self.criteria_box = w.VBox()
        self.save_button = w.Button(description="Save", button_style="primary", tooltip="store these scores in the gradebook")
        self.status = w.HTML()
        self.widget = w.VBox([w.HBox([self.candidate, self.reflection]), self.prompt, self.text, self.criteria_box,
                              w.HBox([self.save_button, self.status])])
        self.candidate.observe(lambda _: self._fill_reflections(), names="value")
        self.reflection.observe(lambda _: self._fill_form(), names="value")
        self.save_button.on_click(lambda _: self.save())
        self._fill_reflections()

    # ----------------------------------------------------------------- navigation

    def select(self, candidate: str, notebook: str, reflection: str) -> None:
        """Show one candidate's reflection (as choosing it in the dropdowns does)."""
        self.candidate.value = candidate
        self.reflection.value = (notebook, reflection)

    def _fill_reflections(self) -> None:
        who = self.candidate.value
        options = []
        for (cand, nb), item in sorted(self.items.items()):
            if cand == who:
                options += [(f"{nb} · {r.id}", (nb, r.id)) for r in self.rubrics[item.principle].reflections]
        self.reflection.options = options
        self.reflection.value = options[0][1] if options else None
        self._fill_form()

    def _current(self) -> tuple[Any, Any]:
        nb, rid = self.reflection.value
        item = self.items[(self.candidate.value, nb)]
        refl = next(r for r in self.rubrics[item.principle].reflections if r.id == rid)
        return item, refl

    def _fill_form(self) -> None:
        import html

        import ipywidgets as w

        from workbook.portfolio.preprocessors.sanitize import markdown_to_html

        self.status.value = ""
        if self.reflection.value is None:
            self.prompt.value, self.text.value, self.criteria_box.children = "", "", ()
            return
        item, refl = self._current()
        self.prompt.value = f"<p><strong>Prompt:</strong> {html.escape(refl.prompt)}</p>"
        if item.status != "ok":
            self.text.value = f"<p><em>{html.escape(item.status)} submission: {html.escape(item.reason)}</em></p>"
        else:
            own = item.owned.get(refl.id, "")
            words = len(own.split())
            self.text.value = (markdown_to_html(own) if own else "<p><em>Nothing written.</em></p>") + \
                f'<p style="color:#555">{words} words (the prompt asks for {refl.min_words} or more)</p>'
        stored = {s.criterion: s for s in reflection_scores(self.book, item.candidate, item.notebook) if s.reflection == refl.id}
        rows = []
        self.levels, self.comments = {}, {}
        for crit in refl.criteria:
            old = stored.get(crit.name)
            levels = w.ToggleButtons(options=[(_NONE, "")] + [(f"{lv.name} ({lv.points:g})", lv.name) for lv in crit.levels],
                                     value=old.level if old else "", tooltips=["leave unscored"] + [lv.description for lv in crit.levels])
            comment = w.Combobox(options=comment_bank(self.book, refl.id, crit.name), value=old.comment if old else "",
                                 placeholder="pick a saved comment or type a new one", ensure_option=False,
                                 layout=w.Layout(width="48em"))
            self.levels[crit.name], self.comments[crit.name] = levels, comment
            note = f" · scored {old.level} by {html.escape(old.grader)} at {old.scored_at}" if old else ""
            rows.append(w.VBox([w.HTML(f"<strong>{html.escape(crit.name)}</strong> (up to {crit.points:g}): "
                                       f"{html.escape(crit.description)}<small>{note}</small>"), levels, comment]))
        self.criteria_box.children = tuple(rows)

    # ----------------------------------------------------------------- saving

    def save(self) -> list[Any]:
        """Store the chosen levels and comments; show what happened. Returns the stored scores."""
        import html

        if self.reflection.value is None:
            self.status.value = "<span>Nothing to save.</span>"
            return []
        item, refl = self._current()
        choices = {name: (self.levels[name].value, self.comments[name].value) for name in self.levels}
        try:
            saved = save_reflection(self.book, self.rubrics[item.principle], item.candidate, item.notebook, refl.id,
                                    choices, grader=self.grader)
        except WorkbookError as exc:
            self.status.value = f'<span style="color:#a00000">Not saved: {html.escape(str(exc))}</span>'
            return []
        total = sum(s.points for s in saved)
        self._fill_form()
        noun = "criterion" if len(saved) == 1 else "criteria"
        self.status.value = (f"<span>Saved {len(saved)} {noun} ({total:g} points) for {html.escape(item.candidate)} "
                             f"as {html.escape(self.grader)}.</span>")
        return saved

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        return self.widget._repr_mimebundle_(**kwargs)


def reflection_grader(gradebook: Any, submissions: str | Path, *, grader: str, **options: Any) -> ReflectionGrader:
    """Open the scoring form (see :class:`ReflectionGrader`); display it as a cell's last line."""
    return ReflectionGrader(gradebook, submissions, grader=grader, **options)
