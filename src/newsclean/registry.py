"""The stage registry: stage factories by name, the built-in ones and those plugins ship.

:func:`stage` registers a factory (a class or a function) whose settings are keyword-only;
:func:`create` builds one by name. The built-in stages register when ``newsclean`` is imported.
Plugins register theirs through the entry-point group ``newsclean.stages``: loading an entry
point runs the plugin's decorator, so users never import plugins by hand. The group is loaded
the first time a name is asked for that is not registered yet (or :func:`registered` is
called), one entry point at a time: one that fails to load is skipped with a
:class:`~newsclean.errors.NewscleanWarning`, the others load, and asking for its stage raises
:class:`~newsclean.errors.PluginLoadError` with the plugin's error as its cause.

>>> from newsclean.registry import create, registered, stage
>>> @stage("shout-detector")
... class ShoutDetector:
...     def __init__(self, *, min_len: int = 10) -> None:
...         self.min_len = min_len
...     def __call__(self, doc):
...         for line in doc.open_lines():
...             if len(line.text) >= self.min_len and line.text.isupper():
...                 doc.label(line.index, "chrome", "shouting", "all capitals")
>>> "shout-detector" in registered() and "promos" in registered()
True
>>> create("shout-detector", min_len=5).min_len
5
"""

from __future__ import annotations

import inspect
import threading
import warnings
from collections.abc import Callable
from importlib.metadata import EntryPoint, entry_points
from typing import Any, Protocol, TypeVar

from newsclean.document import Document
from newsclean.errors import NewscleanWarning, PluginLoadError, UnknownStage

__all__ = ["ENTRY_POINT_GROUP", "Factory", "Stage", "create", "load_plugins", "registered", "stage"]


class Stage(Protocol):
    """What a pipeline runs: a callable that labels lines of a document."""

    def __call__(self, doc: Document) -> None: ...


Factory = Callable[..., Stage]
F = TypeVar("F", bound=Factory)

ENTRY_POINT_GROUP = "newsclean.stages"
_REGISTRY: dict[str, Factory] = {}
#: Entry points of the group already tried (loaded or failed): each is tried once a process.
_TRIED: set[tuple[str, str]] = set()
#: Entry-point name -> the entry point that failed to load and its error.
_FAILED: dict[str, tuple[EntryPoint, Exception]] = {}
# Held while the group loads: a second thread waits for it, and a plugin that looks a name up
# while it is being imported (the same thread, re-entering) sees the stages loaded so far.
_LOADING = threading.RLock()
_loading = False
_loaded = False


def stage(name: str) -> Callable[[F], F]:
    """Register a stage factory under ``name``. Its settings must be keyword-only.

    Registering a different factory under a taken name is an error, so two plugins cannot
    silently replace each other.
    """

    def register(factory: F) -> F:
        params = inspect.signature(factory).parameters.values()
        positional = [p.name for p in params
                      if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD) and p.name != "self"]
        if positional:
            raise TypeError(f"stage {name!r}: settings must be keyword-only, got {positional}")
        known = _REGISTRY.get(name)
        if known is not None and _qualname(known) != _qualname(factory):
            raise ValueError(f"stage name {name!r} is taken by {_qualname(known)}")
        _REGISTRY[name] = factory
        factory.stage_name = name  # type: ignore[attr-defined]
        return factory

    return register


def _qualname(obj: object) -> str:
    return f"{getattr(obj, '__module__', '?')}.{getattr(obj, '__qualname__', repr(obj))}"


def _load(ep: EntryPoint) -> None:
    # Loading runs the plugin's @stage decorator; an entry point that names a bare factory is
    # registered under the entry point's name.
    factory = ep.load()
    if ep.name in _REGISTRY:
        return
    if not callable(factory):
        raise TypeError(f"{ep.value} is a {type(factory).__name__}, not a stage factory")
    stage(ep.name)(factory)


def load_plugins() -> None:
    """Load the entry points of the group ``newsclean.stages`` not tried yet, one at a time.

    A plugin that fails to load (its import raises, its object is missing, its name is taken)
    is skipped with a :class:`~newsclean.errors.NewscleanWarning` naming the entry point and
    the error; the other plugins load. Each entry point is tried once per process, so the
    warning is given once.
    """
    global _loaded, _loading
    if _loaded:
        return
    with _LOADING:
        if _loaded or _loading:
            return  # loaded by another thread meanwhile, or a plugin asking while it loads
        _loading = True
        try:
            for ep in entry_points(group=ENTRY_POINT_GROUP):
                if (ep.name, ep.value) in _TRIED:
                    continue
                try:
                    _load(ep)
                except Exception as error:  # noqa: BLE001  (a broken plugin must not break the others)
                    _FAILED[ep.name] = (ep, error)
                    warnings.warn(
                        f"newsclean: skipped the plugin entry point {ep.name!r} ({ep.value}) of the group "
                        f"{ENTRY_POINT_GROUP!r}: {type(error).__name__}: {error}",
                        NewscleanWarning, stacklevel=2,
                    )
                # Marked only once tried: an interruption (KeyboardInterrupt) leaves this entry
                # point and the rest to the next call.
                _TRIED.add((ep.name, ep.value))
            _loaded = True
        finally:
            _loading = False


def registered() -> list[str]:
    """Names of every stage that can be added: the built-in ones and installed plugins'.

    >>> {"promos", "region", "remainder"} <= set(registered())
    True
    """
    load_plugins()
    return sorted(_REGISTRY)


def factory_of(name: str) -> Factory:
    """The factory registered as ``name``; plugins load when the name is not registered yet.

    Raises :class:`~newsclean.errors.PluginLoadError` when the plugin of that name failed to
    load (its error is the cause) and :class:`~newsclean.errors.UnknownStage` when no stage
    has the name.

    >>> factory_of("promos").stage_name
    'promos'
    """
    found = _REGISTRY.get(name)
    if found is None:
        load_plugins()
        found = _REGISTRY.get(name)
    if found is not None:
        return found
    failed = _FAILED.get(name)
    if failed is not None:
        ep, error = failed
        raise PluginLoadError(name, list(_REGISTRY), f"{ep.name} = {ep.value}", error) from error
    raise UnknownStage(name, list(_REGISTRY))


def create(name: str, **settings: Any) -> Stage:
    """Build the stage registered as ``name`` with ``settings``."""
    return factory_of(name)(**settings)
