# Hostile submissions are data for the grader (endless loops, os._exit, broken JSON):
# nbval must never run them, and the generator is not a test module.
collect_ignore_glob = ["*.ipynb", "make_hostile.py", "make_kernel_attacks.py", "conftest.py"]
