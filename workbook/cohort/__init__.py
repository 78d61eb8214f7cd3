"""Running a cohort on JupyterHub: roster import, hand-out and collection.

- :mod:`workbook.cohort.hub` talks to the hub's REST API with a service token
  (users, groups, servers); :func:`~workbook.cohort.hub.import_roster` turns a
  roster into hub users and groups.
- :mod:`workbook.cohort.handout` copies the candidate edition into each
  candidate's ``~/cto-workbook/`` with their own parameters, never overwriting
  a notebook the candidate has changed.
- :mod:`workbook.cohort.homes` finds each candidate's home (a checked ``--homes`` template).
- :mod:`workbook.cohort.collect` copies each candidate's notebooks into
  ``submissions/{candidate}/`` with the time collected and a late flag.
- :mod:`workbook.cohort.settings` keeps the cohort secret (seeds) and state.

Hand-out and collection work on the hub host's file system (run as root by the
instructor on a one-server hub); they never follow a symbolic link a candidate
planted, and nothing is ever world-writable.
"""

WORKSPACE = "cto-workbook"
"""The folder in each candidate's home that holds their notebooks."""

__all__ = ["WORKSPACE"]
