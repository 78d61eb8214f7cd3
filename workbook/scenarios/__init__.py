"""The givens of each principle's exercises, derived from the district and the seed.

An exercise asks the candidate to work on *their* district's numbers; the
scenario functions here produce those numbers (a quote, a grant award, a
support estimate) from the district profile and the notebook's ``seed``. The
notebook shows them, the rubric recomputes the expected answer from them: one
source of truth. Pure Python: no Jupyter.
"""
