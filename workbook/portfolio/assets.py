"""Browser assets copied into the site, so that it makes no request to another host.

The npm packages in the repository's ``package.json`` (installed into
``node_modules/`` by ``npm ci`` from ``scripts/system-deps.sh``) supply MathJax 2
(the version nbconvert's lab template configures), require.js, the Jupyter
widgets HTML manager and reveal.js. When a package is missing the site is
built without it: math stays as TeX source and widgets as their text, with no
script tag at all, never a CDN fallback.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from workbook import paths

__all__ = ["SiteAssets", "node_modules_dir", "copy_site_assets", "copy_reveal", "package_versions"]

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


@dataclass
class SiteAssets:
    """Site-relative URLs of the copied assets (``None`` when not available)."""

    mathjax_url: str | None = None
    require_js_url: str | None = None
    widget_renderer_url: str | None = None
    missing: list[str] = field(default_factory=list)


def node_modules_dir() -> Path:
    """Where the npm packages are: ``$WORKBOOK_NODE_MODULES`` or the repository's ``node_modules``.

    >>> node_modules_dir().name
    'node_modules'
    """
    override = os.environ.get("WORKBOOK_NODE_MODULES")
    return Path(override) if override else paths.repo_root() / "node_modules"


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
