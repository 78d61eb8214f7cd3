"""Browser assets copied into the site, so that it makes no request to another host.

The npm packages pinned in the repository's ``package-lock.json`` supply MathJax 2
(the version nbconvert's lab template configures), require.js, the Jupyter
widgets HTML manager and reveal.js. An installed wheel carries the parts the
pages use in ``workbook/_assets`` (written at build time by ``hatch_build.py``
with :func:`vendor_packages`); a checkout reads ``node_modules/`` (``npm ci``,
run by ``scripts/system-deps.sh``). No page ever falls back to a CDN: a command
that needs a package it cannot find raises :class:`MissingAssetsError`, which
names what is missing and where it looked.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from workbook import paths
from workbook.errors import WorkbookError

__all__ = ["SiteAssets", "MissingAssetsError", "node_modules_dir", "copy_site_assets", "copy_reveal",
           "package_versions", "missing_packages", "vendor_packages", "require_assets", "PACKAGES"]

PACKAGES = ("mathjax", "requirejs", "@jupyter-widgets/html-manager", "reveal.js")
"""The npm packages the pages use, by name."""

VENDOR = "assets/vendor"
MATHJAX_CONFIG = "TeX-AMS_CHTML-full,Safe"
# What MathJax 2 loads for TeX input and CommonHTML output (about 9 MB of the package's 73 MB).
_MATHJAX_PARTS = (
    "MathJax.js",
    "config/TeX-AMS_CHTML-full.js",
    "config/Safe.js",
    "extensions",
    "jax/input/TeX",
    "jax/output/CommonHTML",
    "jax/output/PreviewHTML",
    "jax/element",
    "fonts/HTML-CSS/TeX/woff",
    "localization/en",
    "LICENSE",
)
_REVEAL_PARTS = ("dist", "plugin/notes", "LICENSE")
_PARTS = {
    "mathjax": _MATHJAX_PARTS,
    "requirejs": ("require.js", "LICENSE"),
    "@jupyter-widgets/html-manager": ("dist", "LICENSE"),
    "reveal.js": _REVEAL_PARTS,
}
# The file that proves a package is there.
_PROBE = {
    "mathjax": "MathJax.js",
    "requirejs": "require.js",
    "@jupyter-widgets/html-manager": "dist/embed-amd.js",
    "reveal.js": "dist/reveal.js",
}


class MissingAssetsError(WorkbookError):
    """An offline browser asset a page needs is not installed."""


@dataclass
class SiteAssets:
    """Site-relative URLs of the copied assets (``None`` when not available)."""

    mathjax_url: str | None = None
    require_js_url: str | None = None
    widget_renderer_url: str | None = None
    missing: list[str] = field(default_factory=list)


def node_modules_dir() -> Path:
    """Where the npm packages are.

    ``$WORKBOOK_NODE_MODULES`` when set; else the package's own ``_assets``
    (an installed wheel); else the repository's ``node_modules`` (a checkout).

    >>> node_modules_dir().name in ("node_modules", "_assets")
    True
    """
    override = os.environ.get("WORKBOOK_NODE_MODULES")
    if override:
        return Path(override)
    packaged = Path(paths.__file__).resolve().parent / "_assets"
    if packaged.is_dir():
        return packaged
    return paths.repo_root() / "node_modules"


def missing_packages(node_modules: Path | None = None, wanted: tuple[str, ...] = PACKAGES) -> list[str]:
    """The npm packages of ``wanted`` that are not under ``node_modules``.

    >>> missing_packages(Path("nowhere"), ("mathjax", "reveal.js"))
    ['mathjax', 'reveal.js']
    """
    base = node_modules or node_modules_dir()
    return [name for name in wanted if not (base / name / _PROBE[name]).is_file()]


def require_assets(wanted: tuple[str, ...], node_modules: Path | None = None) -> None:
    """Raise :class:`MissingAssetsError` when any of ``wanted`` is missing, saying where it looked.

    >>> require_assets(("reveal.js",), Path("nowhere"))
    Traceback (most recent call last):
    ...
    workbook.portfolio.assets.MissingAssetsError: offline browser assets missing: reveal.js (looked in nowhere). In a checkout run `npm ci` (or `make system-deps`); an installed cto-workbook wheel carries them in workbook/_assets, so reinstall it from a complete build; or set WORKBOOK_NODE_MODULES to a node_modules folder that has them
    """
    base = node_modules or node_modules_dir()
    gone = missing_packages(base, wanted)
    if gone:
        raise MissingAssetsError(
            f"offline browser assets missing: {', '.join(gone)} (looked in {base}). In a checkout run "
            "`npm ci` (or `make system-deps`); an installed cto-workbook wheel carries them in "
            "workbook/_assets, so reinstall it from a complete build; or set WORKBOOK_NODE_MODULES "
            "to a node_modules folder that has them"
        )


def vendor_packages(node_modules: Path, dest: Path) -> list[str]:
    """Copy the parts of each package the pages use into ``dest`` (the wheel's ``_assets``).

    ``dest`` keeps the ``node_modules`` layout, so :func:`node_modules_dir` can
    point at it. Returns the packages copied; raises when one is missing.

    >>> vendor_packages(Path("nowhere"), Path("unused"))
    Traceback (most recent call last):
    ...
    workbook.portfolio.assets.MissingAssetsError: offline browser assets missing: mathjax, requirejs, @jupyter-widgets/html-manager, reveal.js (looked in nowhere). In a checkout run `npm ci` (or `make system-deps`); an installed cto-workbook wheel carries them in workbook/_assets, so reinstall it from a complete build; or set WORKBOOK_NODE_MODULES to a node_modules folder that has them
    """
    require_assets(PACKAGES, node_modules)
    for name in PACKAGES:
        for part in (*_PARTS[name], "package.json"):
            if (node_modules / name / part).exists():
                _copy(node_modules / name / part, dest / name / part)
    return list(PACKAGES)


def package_versions(node_modules: Path | None = None) -> dict[str, str]:
    """Versions of the npm packages found (for the manifest).

    >>> isinstance(package_versions(), dict)
    True
    """
    base = node_modules or node_modules_dir()
    found = {}
    for name in ("mathjax", "requirejs", "@jupyter-widgets/html-manager", "reveal.js"):
        meta = base / name / "package.json"
        if meta.is_file():
            found[name] = json.loads(meta.read_text(encoding="utf-8")).get("version", "?")
    return found


def _copy(src: Path, dest: Path) -> None:
    if src.is_dir():
        shutil.copytree(src, dest, dirs_exist_ok=True, ignore=shutil.ignore_patterns("*.map", "*.md", "test"))
    else:
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dest)


def copy_site_assets(site: Path, *, math: bool = True, widgets: bool = False, node_modules: Path | None = None) -> SiteAssets:
    """Copy MathJax (when ``math``), require.js and the widget manager (when ``widgets``) into ``site``.

    Examples
    --------
    >>> import tempfile
    >>> got = copy_site_assets(Path(tempfile.mkdtemp()), math=False, node_modules=Path("nowhere"))
    >>> got.mathjax_url, got.missing
    (None, [])
    >>> copy_site_assets(Path(tempfile.mkdtemp()), widgets=True, node_modules=Path("nowhere")).missing
    ['mathjax', 'requirejs', '@jupyter-widgets/html-manager']
    """
    base = node_modules or node_modules_dir()
    out = SiteAssets()
    vendor = Path(site) / VENDOR
    mj = base / "mathjax"
    if math:
        if (mj / "MathJax.js").is_file():
            for part in _MATHJAX_PARTS:
                if (mj / part).exists():
                    _copy(mj / part, vendor / "mathjax" / part)
            out.mathjax_url = f"{VENDOR}/mathjax/MathJax.js?config={MATHJAX_CONFIG}"
        else:
            out.missing.append("mathjax")
    if widgets:
        req = base / "requirejs" / "require.js"
        manager = base / "@jupyter-widgets" / "html-manager" / "dist"
        if req.is_file():
            _copy(req, vendor / "require.js")
            out.require_js_url = f"{VENDOR}/require.js"
        else:
            out.missing.append("requirejs")
        if (manager / "embed-amd.js").is_file() and req.is_file():
            for item in manager.iterdir():
                if item.suffix not in (".map", ".txt") and item.name not in ("embed.js", "libembed-amd.js"):
                    _copy(item, vendor / "html-manager" / item.name)
            out.widget_renderer_url = f"{VENDOR}/html-manager/embed-amd.js"
        else:
            out.missing.append("@jupyter-widgets/html-manager")
    return out


def copy_reveal(dest: Path, node_modules: Path | None = None) -> str | None:
    """Copy reveal.js into ``dest/reveal.js``; return that folder's relative URL or ``None``.

    >>> import tempfile
    >>> copy_reveal(Path(tempfile.mkdtemp()), Path("nowhere")) is None
    True
    """
    src = (node_modules or node_modules_dir()) / "reveal.js"
    if not (src / "dist" / "reveal.js").is_file():
        return None
    for part in _REVEAL_PARTS:
        if (src / part).exists():
            _copy(src / part, Path(dest) / "reveal.js" / part)
    return "reveal.js"
