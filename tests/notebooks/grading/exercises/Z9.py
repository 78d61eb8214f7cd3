"""Rubric of the grading fixture "Z9" (public checks): a tiny principle for the grader's tests."""

from workbook.rubric import Check, Context, Criterion, Exercise, Level, Reflection, Rubric


def total(ctx: Context) -> float:
    return float(ctx["base"]) + ctx["seed"] % 7


def double(ctx: Context) -> float:
    return 2 * total(ctx)


RUBRIC = Rubric(
    principle="Z9",
    notebook="technology/Z9-grading-fixture.ipynb",
    exercises=(
        Exercise("z9-total", "The total", (Check("z9-total", "total", 2, total, rtol=1e-6, partial=((0.05, 0.5),)),),
                 hint="add the seed's remainder after division by 7 to the base"),
        Exercise("z9-double", "Twice the total", (Check("z9-double", "double", 1, double),), hint="use your total"),
    ),
    reflections=(
        Reflection("z9-reflect", "What would you tell your board?", (
            Criterion("clarity", "plain words", (Level("missing", 0, "absent"), Level("clear", 2, "clear to a board member"))),
        ), min_words=20),
    ),
)
