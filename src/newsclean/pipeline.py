"""The pipeline: named stages run in order over one document.

Stages are looked up by name in the registry (:mod:`newsclean.registry`, where :func:`stage`
and :func:`registered` live; they are re-exported here and from ``newsclean``). The built-in
stages are registered once ``newsclean`` is imported, so a pipeline can be built from names
straight away.

>>> from newsclean import Pipeline
>>> Pipeline().add("promos").add("remainder").names
('promos', 'remainder')
>>> Pipeline.default().names[:3]
('kind', 'html-hints', 'comments')
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

from newsclean.document import Document
from newsclean.errors import StageError, UnknownStage
from newsclean.inputs import MAX_INPUT_CHARS
from newsclean.registry import ENTRY_POINT_GROUP, Factory, Stage, create, registered, stage

# Kept importable from here, where plugins written before the registry had a module of its own
# import them from.
__all__ = ["ENTRY_POINT_GROUP", "Factory", "OnError", "Pipeline", "Stage", "create", "registered", "stage"]

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
        "kind", "html-hints", "comments", "promos", "chrome", "region", "inline", "byline", "headline",
        "published", "comment-threads", "captions", "dateline", "remainder",
    )

    def __init__(self, steps: Iterable[tuple[str, Stage]] = (), *, on_error: OnError = "raise",
                 max_input_chars: int = MAX_INPUT_CHARS) -> None:
        if on_error not in ("raise", "skip"):
            raise ValueError(f"on_error must be 'raise' or 'skip', not {on_error!r}")
        self._steps = [_Step(n, s) for n, s in steps]
        self.on_error: OnError = on_error
        self.max_input_chars = max_input_chars

    @classmethod
    def default(cls, *, on_error: OnError = "raise", max_input_chars: int = MAX_INPUT_CHARS) -> Pipeline:
        """The built-in stages, in order."""
        return cls(((n, create(n)) for n in cls.DEFAULT_STAGES), on_error=on_error,
                   max_input_chars=max_input_chars)

    @classmethod
    def learned(cls, *, on_error: OnError = "raise", max_input_chars: int = MAX_INPUT_CHARS) -> Pipeline:
        """The built-in stages with the HTML line model deciding an HTML page's content too (the
        text path's region and headline models are the default already; see
        ``docs/evaluation-model.md``). ``clean_article(..., learned=True)`` and
        ``newsclean clean --learned`` use it.

        >>> Pipeline.learned().names == Pipeline.default().names
        True
        """
        return (cls.default(on_error=on_error, max_input_chars=max_input_chars)
                .replace("html-hints", "html-hints", model="learned", prose=False, trim=False, boxes=False)
                .replace("region", "region", model="learned")
                .replace("headline", "headline", model="learned"))

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
