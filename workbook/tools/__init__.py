"""Pure calculators: plain Python, numpy and pandas, no Jupyter.

Each module is one concern: :mod:`finance` (NPV, IRR, payback, ROI),
:mod:`tco` (total cost of ownership, sensitivity, Monte Carlo),
:mod:`budget` (multi-year budget worksheet), :mod:`erate` (E-rate discounts).
Every function validates its input and raises
:class:`workbook.errors.InputError` naming the argument and the value.
"""
