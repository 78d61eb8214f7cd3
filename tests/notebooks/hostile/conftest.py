# The generator is not a test module.
collect_ignore_glob = ["make_hostile.py"]
