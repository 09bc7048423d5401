"""Optional dependencies: imported when a feature needs them, with the install command when missing.

newsclean's core cleans one page with no more than its required dependencies. Reading WARC
files, writing Parquet, drawing a progress bar and running on Dask each need a package of their
own, declared as an extra in ``pyproject.toml``; asking for the feature without it fails at once
with the command that installs it (as datatrove checks a step's dependencies when it is built).

>>> require("json", extra="batch").__name__
'json'
>>> try:
...     require("no_such_module_here", extra="warc")
... except MissingDependency as error:
...     print(error)
this needs the Python package no_such_module_here: pip install 'newsclean[warc]'
"""

from __future__ import annotations

import importlib
from types import ModuleType

from newsclean.errors import NewscleanError


class MissingDependency(NewscleanError, ImportError):
    """An optional package a feature needs is not installed; the message says how to install it."""


def require(module: str, *, extra: str, package: str | None = None) -> ModuleType:
    """Import ``module`` or raise :class:`MissingDependency` naming ``pip install 'newsclean[extra]'``."""
    try:
        return importlib.import_module(module)
    except ImportError as error:
        name = package or module.split(".")[0]
        raise MissingDependency(
            f"this needs the Python package {name}: pip install 'newsclean[{extra}]'") from error
