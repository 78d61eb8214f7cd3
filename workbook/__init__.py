"""CTO Workbook: the helper library of the CETPA CTO Mentor workbook.

``import workbook`` stays light: the submodules (``workbook.tools``,
``workbook.districts``, ``workbook.notebook``, ...) load only when used.
"""

__version__ = "0.1.0"
__all__ = ["__version__"]
