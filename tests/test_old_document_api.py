"""A plugin written against the Document API of the README before the columnar document
(commit 02d8a43): lines as objects with ``text``, ``key``, ``words``, ``index``, ``label``,
``stage``, ``reason``, ``history``; ``doc.lines`` indexed, sliced, iterated and counted;
``doc.open_lines()``, ``doc.labelled()``, ``doc.label(i, ...)``, ``doc.meta``. It must run unchanged."""

from __future__ import annotations

from typing import Any

from newsclean import Document, Pipeline, clean_article, stage

PAGE = "\n".join([
    "HOME | WORLD | SPORT",
    "Storm reaches the coast",
    "The storm reached the coast on Monday, officials said, and more rain is expected this week.",
    "",
    "Schools stayed closed in three towns while crews cleared fallen trees from the main roads.",
    "SPONSORED CONTENT",
])


@stage("old-api-shouting")
class OldShouting:
    """The README's example stage of 02d8a43, with what else a plugin of then could read."""

    def __init__(self, *, min_len: int = 10) -> None:
        self.min_len = min_len
        self.seen: dict[str, Any] = {}

    def __call__(self, doc: Any) -> None:
        for line in doc.open_lines():
            if len(line.text) >= self.min_len and line.text.isupper():
                doc.label(line.index, "chrome", "shouting", "all capitals")
        lines = doc.lines
        self.seen.update(
            count=len(lines), last=lines[-1].text, first_two=[line.text for line in lines[:2]],
            blank=[line.index for line in lines if line.label == "blank"],
            keys=[line.key for line in doc.lines], words=[line.words for line in doc.lines],
            region=doc.meta.get("region"), chrome=[line.index for line in doc.labelled("chrome")],
            history=[len(line.history) for line in lines], open=[line.is_open for line in lines],
            verdict=(lines[0].label, lines[0].stage, lines[0].reason, lines[0].detail),
        )
        doc.meta["old-api"] = True


def test_the_old_plugin_is_built_by_its_registered_name() -> None:
    pipe = Pipeline.default().add("old-api-shouting", after="region", min_len=12)
    labels = {line.text: line.reason for line in clean_article(PAGE, pipeline=pipe).lines}
    assert labels["SPONSORED CONTENT"] == "shouting"


def test_a_plugin_of_the_old_document_api_runs_unchanged() -> None:
    plugin = OldShouting(min_len=12)
    article = clean_article(PAGE, pipeline=Pipeline.default().add(plugin, after="region"))
    seen = plugin.seen
    assert seen["count"] == 6 and seen["last"] == "SPONSORED CONTENT"
    assert seen["first_two"] == ["HOME | WORLD | SPORT", "Storm reaches the coast"]
    assert seen["blank"] == [3]
    assert seen["keys"][1] == "storm reaches the coast" and seen["words"][2] == 16
    assert seen["region"] is not None  # the region stage ran just before: its finding is in doc.meta
    assert 5 in seen["chrome"] and seen["open"][3] is False
    assert seen["history"][3] == 1  # the blank line's one verdict
    by_text = {line.text: line for line in article.lines}
    assert (by_text["SPONSORED CONTENT"].label, by_text["SPONSORED CONTENT"].reason) == ("chrome", "shouting")
    assert by_text["SPONSORED CONTENT"].stage == "old-api-shouting"
    assert article.text.startswith("The storm reached the coast")


def test_the_old_document_constructor_and_labels_keep_their_shape() -> None:
    doc = Document(["Breaking", "", "The storm reached the coast on Monday."])
    assert [line.text for line in doc.lines] == ["Breaking", "", "The storm reached the coast on Monday."]
    assert doc.lines[1].label == "blank" and doc.lines[0].is_open
    doc.stage = "mine"
    doc.label(0, "chrome", "label", "a site's label")
    doc.label(0, "body", "second-thoughts")
    line = doc.lines[0]
    assert (line.label, line.stage, line.reason) == ("body", "mine", "second-thoughts")
    assert [v.reason for v in line.history] == ["label", "second-thoughts"]
    doc.label(1, "body", "ignored")  # a blank line stays blank, as before
    assert doc.lines[1].label == "blank"
    assert [line.index for line in doc.open_lines()] == [2]
    assert [line.index for line in doc.labelled("body")] == [0]
    doc.meta["mine"] = {"k": 1}
    assert doc.meta["mine"] == {"k": 1}
