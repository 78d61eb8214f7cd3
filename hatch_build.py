"""Build hook: what a wheel (and an sdist) carries instead of the instructor's files.

- ``notebooks/`` is released with the workbook's own release code
  (:func:`workbook.grading.release.release`): the candidate edition, with
  placeholders instead of solutions and no instructor cells, lands in the wheel
  as ``workbook/_notebooks`` (in an sdist as ``notebooks/``, so a wheel built
  from the sdist releases it again, which changes nothing).
- The offline browser assets (MathJax 2, require.js, the widget HTML manager,
  reveal.js) are copied from the pinned npm packages (``npm ci`` from
  ``package-lock.json`` when ``node_modules/`` is missing and npm is there)
  into ``workbook/_assets``. An sdist carries them, so a wheel built from it
  needs no npm. Without them the build stops and says what to run.

Editable installs (``pip install -e``) skip all this: they read the
repository's own folders.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CandidateEditionHook(BuildHookInterface):
    """Release the notebooks and vendor the browser assets into the build."""

    PLUGIN_NAME = "custom"

    def _workbook(self) -> Any:
        """The release and assets modules, loaded by path: no package ``__init__`` beyond ``workbook``'s
        runs, so the build needs only what these two import (nbformat, pydantic)."""
        import importlib.util

        root = Path(self.root).resolve()
        if str(root) not in sys.path:
            sys.path.insert(0, str(root))
        loaded = []
        for name, rel in (("release", "workbook/grading/release.py"), ("assets", "workbook/portfolio/assets.py")):
            spec = importlib.util.spec_from_file_location(f"_cto_workbook_build_{name}", root / rel)
            module = importlib.util.module_from_spec(spec)
            sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
            spec.loader.exec_module(module)
            loaded.append(module)
        return tuple(loaded)

    def _node_modules(self, assets: Any) -> Path:
        root = Path(self.root)
        packaged = root / "workbook" / "_assets"
        if packaged.is_dir():  # an sdist made by this hook
            return packaged
        node_modules = root / "node_modules"
        if not assets.missing_packages(node_modules):
            return node_modules
        if shutil.which("npm") and (root / "package-lock.json").is_file():
            subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=root, check=True)
            if not assets.missing_packages(node_modules):
                return node_modules
        raise RuntimeError(
            "cto-workbook build: the offline browser assets are missing ("
            + ", ".join(assets.missing_packages(node_modules))
            + f" under {node_modules}); install Node.js and npm, then run `npm ci` in {root}"
        )

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name not in ("wheel", "sdist") or version == "editable":
            return
        release, assets = self._workbook()
        self._staging = Path(tempfile.mkdtemp(prefix="cto-workbook-build-"))
        released = self._staging / "release"
        release.release(released, notebooks=Path(self.root) / "notebooks",
                        exercises=Path(self.root) / "exercises")
        notebooks_to = "workbook/_notebooks" if self.target_name == "wheel" else "notebooks"
        build_data["force_include"][str(released / "notebooks")] = notebooks_to
        vendored = self._staging / "assets"
        assets.vendor_packages(self._node_modules(assets), vendored)
        build_data["force_include"][str(vendored)] = "workbook/_assets"

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        staging = getattr(self, "_staging", None)
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
