"""Rubric for the start notebook's practice exercise (not graded: zero points)."""

from workbook.rubric import Check, Exercise, Rubric

RUBRIC = Rubric(
    principle="START",
    notebook="00-start-here.ipynb",
    exercises=(
        Exercise(
            "start-practice",
            "Practice: the cost of a device cart",
            (Check("start-practice", "cost of 30 devices at 289 dollars", 0, lambda ctx: 30 * 289),),
            hint="Multiply the number of devices by the price of one: 30 * 289.",
        ),
    ),
)
