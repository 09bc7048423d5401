"""The exceptions newsclean raises on purpose. Anything else escaping is a bug.

>>> from newsclean import Pipeline
>>> try:
...     Pipeline.default().add("no-such-stage")
... except UnknownStage as error:
...     print(str(error)[:40])
unknown stage 'no-such-stage'; known sta
"""

from __future__ import annotations


class NewscleanError(Exception):
    """Base class of every error newsclean raises deliberately."""


class InputTooLarge(NewscleanError, ValueError):
    """The input is larger than the pipeline's ``max_input_chars`` limit."""


class NotText(NewscleanError, ValueError):
    """The input is not text: a known binary format, binary data, or a damaged compressed stream.

    ``what`` names what it looks like ("PDF document", "binary data, 38% control bytes").

    >>> str(NotText("PDF document"))
    'not text: PDF document'
    """

    def __init__(self, what: str) -> None:
        super().__init__(f"not text: {what}")
        self.what = what


class StageError(NewscleanError, RuntimeError):
    """A stage raised; the message names the stage, the original error is the cause."""

    def __init__(self, stage: str, error: BaseException) -> None:
        super().__init__(f"stage {stage!r} failed: {type(error).__name__}: {error}")
        self.stage = stage


class UnknownStage(NewscleanError, KeyError):
    """A stage name that no built-in or installed plugin registers."""

    def __init__(self, name: str, known: list[str]) -> None:
        super().__init__(name)
        self.name = name
        self.known = known

    def __str__(self) -> str:
        return f"unknown stage {self.name!r}; known stages: {', '.join(sorted(self.known))}"


class PluginLoadError(UnknownStage):
    """The plugin that ships stage ``name`` failed to load; its error is ``error`` and the cause.

    >>> str(PluginLoadError("x", ["promos"], "x = m:X", ImportError("gone")))
    "stage 'x' is unavailable: its plugin entry point (x = m:X) failed to load: ImportError: gone"
    """

    def __init__(self, name: str, known: list[str], entry_point: str, error: BaseException) -> None:
        super().__init__(name, known)
        self.entry_point = entry_point
        self.error = error
        self.__cause__ = error

    def __str__(self) -> str:
        return (f"stage {self.name!r} is unavailable: its plugin entry point ({self.entry_point}) failed to"
                f" load: {type(self.error).__name__}: {self.error}")


class NewscleanWarning(UserWarning):
    """Something newsclean worked around but a user should hear of (a plugin that failed to load)."""
