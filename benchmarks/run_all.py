"""Run every benchmark in this folder (``make bench``)."""

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).parent
for script in sorted(HERE.glob("*.py")):
    if script.name != "run_all.py":
        print(f"== {script.name}", flush=True)
        subprocess.run([sys.executable, str(script), *sys.argv[1:]], check=False)
