"""The page's kind, decided first: what its content is depends on it.

>>> from newsclean.document import Document
>>> from newsclean.kind import KINDS, TYPES
>>> doc = Document.from_text("Storm hits coast\\nThe storm reached the coast on Monday, officials said.")
>>> PageKind()(doc)
>>> doc.meta["kind"]  # two lines: too few for the model, cleaned as an article
'article'
>>> doc = Document.from_text("\\n".join(["Home", "News", "Sport", "Login"] * 10 + ["Hello world."]))
>>> PageKind()(doc)
>>> doc.meta["kind"] in KINDS, sorted(doc.meta["kind_scores"]) == sorted(TYPES)
(True, True)
"""

from __future__ import annotations

from newsclean.document import Document
from newsclean.kind import decide_kind, learned_size
from newsclean.registry import stage
from newsclean.trees import Forest

__all__ = ["PageKind"]


@stage("kind")
class PageKind:
    """Set ``doc.meta["kind"]`` (one of :data:`~newsclean.kind.KINDS`) and ``doc.meta["kind_scores"]``
    (the probability of each of WCXB's page types). ``model`` and ``text_model``: the
    :class:`~newsclean.trees.Forest` to use instead of the packaged one on HTML and on text.
    Labels no line. A page whose size is outside :data:`~newsclean.kind.LEARNED_LINES` is an
    ``article`` (the stages clean it as one), with no scores."""

    def __init__(self, *, model: Forest | None = None, text_model: Forest | None = None) -> None:
        self.model = model
        self.text_model = text_model

    def __call__(self, doc: Document) -> None:
        if not doc.lines:
            return
        if not learned_size(doc):
            # A text of a few paragraphs (or a dump of thousands of lines) is cleaned by the
            # hand-set stages, which read every page as an article: its kind says so rather than
            # a guess from a page unlike those the model learned from.
            doc.meta["kind"] = "article"
            return
        # An HTML page the tree parser could not hold is read as text (no DOM to measure).
        html = doc.meta.get("html") is not None
        kind, scores = decide_kind(doc, model=self.model if html else self.text_model)
        doc.meta["kind"] = kind
        doc.meta["kind_scores"] = scores
