"""Stages and the pipeline that runs them.

A stage is a callable taking a :class:`~newsclean.document.Document`; it is registered by name
with :func:`stage` on a factory (a class or function) whose settings are keyword-only. Plugins
register theirs through the entry-point group ``newsclean.stages``: loading the entry point runs
the decorator, so users never import plugins by hand.

>>> from newsclean import Pipeline, stage
>>> @stage("shout-detector")
... class ShoutDetector:
...     def __init__(self, *, min_len: int = 10) -> None:
...         self.min_len = min_len
...     def __call__(self, doc):
...         for line in doc.open_lines():
...             if len(line.text) >= self.min_len and line.text.isupper():
...                 doc.label(line.index, "chrome", "shouting", "all capitals")
>>> pipe = Pipeline.default().add("shout-detector", first=True, min_len=5)
>>> pipe.names[0]
'shout-detector'
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Any, Literal, Protocol, TypeVar

from newsclean.document import Document
from newsclean.errors import StageError, UnknownStage


class Stage(Protocol):
    """What a pipeline runs: a callable that labels lines of a document."""

    def __call__(self, doc: Document) -> None: ...


Factory = Callable[..., Stage]
F = TypeVar("F", bound=Factory)

ENTRY_POINT_GROUP = "newsclean.stages"
_REGISTRY: dict[str, Factory] = {}
_plugins_loaded = False


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


def _load_plugins() -> None:
    global _plugins_loaded
    if _plugins_loaded:
        return
    _plugins_loaded = True
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        # Loading runs the plugin's @stage decorator; a registered name must match the entry.
        factory = ep.load()
        if ep.name not in _REGISTRY and callable(factory):
            stage(ep.name)(factory)


def registered() -> list[str]:
    """Names of every stage that can be added: built-in ones and installed plugins."""
    _load_plugins()
    return sorted(_REGISTRY)


def create(name: str, **settings: Any) -> Stage:
    """Build the stage registered as ``name`` with ``settings``."""
    _load_plugins()
    try:
        factory = _REGISTRY[name]
    except KeyError:
        raise UnknownStage(name, list(_REGISTRY)) from None
    return factory(**settings)


OnError = Literal["raise", "skip"]


@dataclass(frozen=True, slots=True)
class _Step:
    name: str
    run: Stage


class Pipeline:
    """An ordered list of named stages.

    ``on_error="raise"`` (default) turns any exception in a stage into a :class:`StageError`
    naming the stage; ``"skip"`` records the failure in the document and goes on.
    """

    #: The built-in stages in the order :meth:`default` runs them.
    DEFAULT_STAGES: tuple[str, ...] = (
        "html-hints", "comments", "promos", "chrome", "region", "byline", "headline", "published",
        "comment-threads", "captions", "dateline", "remainder",
    )

    def __init__(self, steps: Iterable[tuple[str, Stage]] = (), *, on_error: OnError = "raise",
                 max_input_chars: int = 50_000_000) -> None:
        if on_error not in ("raise", "skip"):
            raise ValueError(f"on_error must be 'raise' or 'skip', not {on_error!r}")
        self._steps = [_Step(n, s) for n, s in steps]
        self.on_error: OnError = on_error
        self.max_input_chars = max_input_chars

    @classmethod
    def default(cls, *, on_error: OnError = "raise", max_input_chars: int = 50_000_000) -> Pipeline:
        """The built-in stages, in order."""
        import newsclean.stages  # noqa: F401  (registers the built-in stages)

        return cls(((n, create(n)) for n in cls.DEFAULT_STAGES), on_error=on_error,
                   max_input_chars=max_input_chars)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self._steps)

    def _index(self, name: str) -> int:
        for i, s in enumerate(self._steps):
            if s.name == name:
                return i
        raise UnknownStage(name, list(self.names))

    def add(self, stage: str | Stage, *, name: str | None = None, before: str | None = None,
            after: str | None = None, first: bool = False, last: bool = False,
            **settings: Any) -> Pipeline:
        """Insert a stage (a registered name, or a stage object) and return the pipeline.

        With no position given the stage goes last.
        """
        if sum(x is not None and x is not False for x in (before, after, first, last)) > 1:
            raise ValueError("give at most one of before=, after=, first=, last=")
        if isinstance(stage, str):
            step = _Step(name or stage, create(stage, **settings))
        else:
            if settings:
                raise TypeError("settings go with a stage name, not a stage object")
            step = _Step(name or getattr(stage, "stage_name", None) or type(stage).__name__, stage)
        if step.name in self.names:
            raise ValueError(f"the pipeline already has a stage named {step.name!r}")
        if before is not None:
            self._steps.insert(self._index(before), step)
        elif after is not None:
            self._steps.insert(self._index(after) + 1, step)
        elif first:
            self._steps.insert(0, step)
        else:
            self._steps.append(step)
        return self

    def remove(self, name: str) -> Pipeline:
        del self._steps[self._index(name)]
        return self

    def replace(self, name: str, stage: str | Stage, **settings: Any) -> Pipeline:
        """Put another stage in ``name``'s place, keeping the name."""
        i = self._index(name)
        run = create(stage, **settings) if isinstance(stage, str) else stage
        self._steps[i] = _Step(name, run)
        return self

    def run(self, doc: Document) -> Document:
        for step in self._steps:
            doc.stage = step.name
            try:
                step.run(doc)
            except Exception as error:
                if self.on_error == "raise":
                    raise StageError(step.name, error) from error
                doc.meta.setdefault("skipped_stages", []).append(
                    {"stage": step.name, "error": f"{type(error).__name__}: {error}"})
        doc.stage = "finish"
        return doc

    def __repr__(self) -> str:
        return f"Pipeline({list(self.names)!r}, on_error={self.on_error!r})"
