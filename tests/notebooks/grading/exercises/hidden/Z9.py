"""Hidden checks of the Z9 fixture: only the grader loads them."""

from workbook.rubric import Check, Context


def total_exact(ctx: Context) -> float:
    return float(ctx["base"]) + ctx["seed"] % 7


HIDDEN = [Check("z9-total", "total, exactly", 1, total_exact, rtol=0.0, atol=1e-9, visibility="hidden")]
