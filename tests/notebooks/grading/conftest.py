# The fixture's rubrics are data for the grader, not test modules.
collect_ignore_glob = ["exercises/*.py", "exercises/hidden/*.py", "make_fixture.py"]
