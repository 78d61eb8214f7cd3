# The fixture's rubrics and its instructor notebook are data for the grader, not tests.
collect_ignore_glob = ["exercises/*.py", "exercises/hidden/*.py", "make_fixture.py", "notebooks/*/*.ipynb", "conftest.py"]
