"""The pipeline: named stages in order, added, removed and replaced by name; stages registered by
name with keyword-only settings; unknown and duplicate names fail clearly."""

from __future__ import annotations

import pytest

from newsclean import Document, Pipeline, UnknownStage, registered, stage

BUILT_IN = {"kind", "html-hints", "comments", "promos", "chrome", "region", "inline", "byline", "headline",
            "published", "comment-threads", "captions", "dateline", "remainder"}


class Mark:
    """A stage that only notes that it ran."""

    def __init__(self, log: list[str] | None = None, label: str = "mark") -> None:
        self.log = log if log is not None else []
        self.label = label

    def __call__(self, doc: Document) -> None:
        self.log.append(self.label)


def test_the_default_pipeline_runs_the_built_in_stages_in_order() -> None:
    names = Pipeline.default().names
    assert names == Pipeline.DEFAULT_STAGES
    assert set(names) == BUILT_IN
    assert names[-1] == "remainder"


def test_names_are_read_only() -> None:
    pipe = Pipeline.default()
    with pytest.raises(AttributeError):
        pipe.names = ("promos",)  # type: ignore[misc]


def test_built_in_stages_are_registered() -> None:
    # In a fresh process too, without Pipeline.default(): tests/test_registry.py.
    assert BUILT_IN <= set(registered())


@pytest.mark.parametrize(("where", "index"), [
    pytest.param({"first": True}, 0, id="first"),
    pytest.param({"last": True}, -1, id="last"),
    pytest.param({}, -1, id="last-by-default"),
    pytest.param({"before": "region"}, Pipeline.DEFAULT_STAGES.index("region"), id="before"),
    pytest.param({"after": "region"}, Pipeline.DEFAULT_STAGES.index("region") + 1, id="after"),
])
def test_add_puts_a_stage_where_asked(where: dict[str, object], index: int) -> None:
    pipe = Pipeline.default().add(Mark(), name="mark", **where)  # type: ignore[arg-type]
    assert pipe.names[index] == "mark"
    assert len(pipe.names) == len(Pipeline.DEFAULT_STAGES) + 1


def test_add_returns_the_pipeline_so_calls_chain() -> None:
    pipe = Pipeline([]).add(Mark(), name="a").add(Mark(), name="b", first=True)
    assert pipe.names == ("b", "a")


def test_add_takes_at_most_one_position() -> None:
    with pytest.raises(ValueError, match="at most one"):
        Pipeline.default().add(Mark(), name="mark", first=True, after="region")


def test_add_by_name_builds_the_registered_stage_with_settings() -> None:
    pipe = Pipeline.default().add("promos", name="donations", extra=(("donate", r"^تبرع"),), after="promos")
    doc = pipe.run(Document.from_text("تبرعوا الآن لدعم الصحافة المستقلة"))
    assert (doc.lines[0].label, doc.lines[0].stage, doc.lines[0].reason) == ("promo", "donations", "donate")


def test_a_stage_object_takes_no_settings() -> None:
    with pytest.raises(TypeError):
        Pipeline([]).add(Mark(), name="mark", window=3)


def test_a_stage_object_is_named_after_its_class_by_default() -> None:
    assert Pipeline([]).add(Mark()).names == ("Mark",)


def test_stages_run_in_order() -> None:
    log: list[str] = []
    pipe = Pipeline([("one", Mark(log, "one"))]).add(Mark(log, "zero"), name="zero", first=True)
    pipe.add(Mark(log, "two"), name="two")
    pipe.run(Document.from_text("text"))
    assert log == ["zero", "one", "two"]


def test_each_stage_labels_under_its_own_name() -> None:
    doc = Pipeline.default().run(Document.from_text("إضغط هنا للإشتراك"))
    assert (doc.lines[0].stage, doc.stage) == ("promos", "finish")


def test_remove_takes_a_stage_out() -> None:
    pipe = Pipeline.default().remove("byline")
    assert "byline" not in pipe.names
    assert len(pipe.names) == len(Pipeline.DEFAULT_STAGES) - 1


def test_replace_keeps_the_name_and_the_place() -> None:
    log: list[str] = []
    pipe = Pipeline.default().replace("byline", Mark(log))
    assert pipe.names == Pipeline.DEFAULT_STAGES
    pipe.run(Document.from_text("text"))
    assert log == ["mark"]


def test_replace_by_name_builds_the_registered_stage() -> None:
    pipe = Pipeline.default().replace("promos", "promos", extra=(("donate", r"^تبرع"),))
    doc = pipe.run(Document.from_text("تبرعوا الآن لدعم الصحافة المستقلة"))
    assert doc.lines[0].reason == "donate"


@pytest.mark.parametrize("call", [
    pytest.param(lambda p: p.add("no-such-stage"), id="add"),
    pytest.param(lambda p: p.add(Mark(), name="mark", before="no-such-stage"), id="add-before"),
    pytest.param(lambda p: p.add(Mark(), name="mark", after="no-such-stage"), id="add-after"),
    pytest.param(lambda p: p.remove("no-such-stage"), id="remove"),
    pytest.param(lambda p: p.replace("no-such-stage", Mark()), id="replace"),
])
def test_an_unknown_name_fails_listing_the_known_ones(call: object) -> None:
    with pytest.raises(UnknownStage) as caught:
        call(Pipeline.default())  # type: ignore[operator]
    message = str(caught.value)
    assert "no-such-stage" in message
    assert "promos" in message and "region" in message


def test_unknown_stage_is_a_key_error() -> None:
    assert issubclass(UnknownStage, KeyError)


def test_a_name_appears_once_in_a_pipeline() -> None:
    with pytest.raises(ValueError, match="already has a stage named 'promos'"):
        Pipeline.default().add("promos")


def test_a_registered_name_cannot_be_taken_by_another_factory() -> None:
    with pytest.raises(ValueError, match="taken"):
        @stage("promos")
        class OtherPromos:
            def __call__(self, doc: Document) -> None: ...


def test_registering_the_same_factory_twice_is_harmless() -> None:
    @stage("test-pipeline-twice")
    class Twice:
        def __call__(self, doc: Document) -> None: ...

    assert stage("test-pipeline-twice")(Twice) is Twice
    assert "test-pipeline-twice" in registered()


def test_stage_settings_must_be_keyword_only() -> None:
    with pytest.raises(TypeError, match="keyword-only"):
        @stage("test-pipeline-positional")
        class Positional:
            def __init__(self, window: int = 3) -> None:
                self.window = window

            def __call__(self, doc: Document) -> None: ...

    assert "test-pipeline-positional" not in registered()


def test_a_registered_stage_is_added_by_name_with_its_settings() -> None:
    @stage("test-pipeline-shout")
    class Shout:
        def __init__(self, *, min_len: int = 10) -> None:
            self.min_len = min_len

        def __call__(self, doc: Document) -> None:
            for line in doc.open_lines():
                if len(line.text) >= self.min_len and line.text.isupper():
                    doc.label(line.index, "chrome", "shouting")

    pipe = Pipeline.default().add("test-pipeline-shout", first=True, min_len=4)
    doc = pipe.run(Document.from_text("BREAKING"))
    assert (doc.lines[0].label, doc.lines[0].stage, doc.lines[0].reason) == (
        "chrome", "test-pipeline-shout", "shouting")
