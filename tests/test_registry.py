"""The registry as a new user meets it, in a fresh process: the built-in stages are there once
``newsclean`` is imported, and a plugin that fails to load is skipped with one warning while the
others load and cleaning goes on.

The broken plugins are real distributions, found the way pip-installed ones are: a
``*.dist-info`` folder with an ``entry_points.txt`` in a folder on the subprocess's
``sys.path`` (``PYTHONPATH``). Nothing is installed in the test environment, so a user's own
environment never holds a plugin made to fail.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

import newsclean
from newsclean import Pipeline, clean_article

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "fixtures" / "elaph-seed"
BUILT_IN = {"html-hints", "comments", "promos", "chrome", "region", "inline", "byline", "headline",
            "published",
            "captions", "dateline", "remainder"}
EXAMPLE_PLUGIN = "example-shouting"


def run_fresh(code: str, *site: Path) -> dict[str, Any]:
    """Run ``code`` in a new interpreter (``site`` folders first on its path); its JSON output."""
    path = [str(p) for p in site] + [str(ROOT / "src")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(path)}
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], env=env, capture_output=True,
                          text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def make_plugin(site: Path, dist: str, entry_points: dict[str, str], modules: dict[str, str]) -> None:
    """A distribution ``dist`` in ``site``: its modules, and its entry points in ``newsclean.stages``."""
    info = site / f"{dist.replace('-', '_')}-0.1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {dist}\nVersion: 0.1.0\n", encoding="utf-8")
    lines = "".join(f"{name} = {target}\n" for name, target in entry_points.items())
    (info / "entry_points.txt").write_text(f"[newsclean.stages]\n{lines}", encoding="utf-8")
    for name, source in modules.items():
        (site / f"{name}.py").write_text(textwrap.dedent(source), encoding="utf-8")


# --- the built-in stages, in a fresh process -------------------------------------------------

def test_a_fresh_process_registers_every_built_in_stage_on_import() -> None:
    got = run_fresh("""
        import json, newsclean
        print(json.dumps(newsclean.registered()))
    """)
    assert BUILT_IN <= set(got)  # type: ignore[arg-type]


def test_a_fresh_process_adds_a_built_in_stage_by_name_without_the_default_pipeline() -> None:
    got = run_fresh("""
        import json
        from newsclean import Document, Pipeline
        pipe = Pipeline().add("promos")
        doc = pipe.run(Document.from_text("Story\\nFollow us on Telegram"))
        print(json.dumps({"names": pipe.names, "line": [doc.lines[1].label, doc.lines[1].stage]}))
    """)
    assert got == {"names": ["promos"], "line": ["promo", "promos"]}


def test_plugins_written_against_the_old_import_paths_still_register() -> None:
    got = run_fresh("""
        import json
        import newsclean.registry
        from newsclean import stage as from_package, registered, Pipeline
        from newsclean.pipeline import stage as from_pipeline, registered as registered_pipeline

        @from_pipeline("old-style")
        class OldStyle:
            def __call__(self, doc): pass

        print(json.dumps({
            "same": from_package is from_pipeline is newsclean.registry.stage,
            "same_list": registered is registered_pipeline is newsclean.registry.registered,
            "listed": "old-style" in registered(),
            "added": Pipeline().add("old-style").names,
        }))
    """)
    assert got == {"same": True, "same_list": True, "listed": True, "added": ["old-style"]}


# --- a broken plugin, in a fresh process -----------------------------------------------------

BROKEN_RUN = """
    import json, sys, warnings
    warnings.simplefilter("always")  # a warning given twice would show twice
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        import newsclean
        from newsclean import Pipeline, PluginLoadError, UnknownStage, clean_article
        names = newsclean.registered()
        again = newsclean.registered()
        article = clean_article(open(sys.argv[1] if len(sys.argv) > 1 else SEED, "rb").read())
        asked = {}
        try:
            Pipeline().add("broken-import")
        except UnknownStage as error:
            asked = {"type": type(error).__name__, "is_plugin_error": isinstance(error, PluginLoadError),
                     "message": str(error), "cause": repr(error.__cause__),
                     "known": "promos" in error.known}
        working = Pipeline().add("still-working").names
    print(json.dumps({
        "warnings": [[w.category.__name__, str(w.message)] for w in caught],
        "names": names, "again": again, "asked": asked, "working": working,
        "article": article.to_dict(),
    }, ensure_ascii=False))
"""


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One fresh process with a plugin whose module fails to import (a dependency it lacks) and
    a working plugin beside it, the example plugin installed too."""
    site = tmp_path_factory.mktemp("site")
    make_plugin(site, "newsclean-broken-plugin", {"broken-import": "newsclean_broken_plugin:Broken"}, {
        "newsclean_broken_plugin": """
            import newsclean
            import newsclean_lacks_this_dependency  # not installed anywhere

            @newsclean.stage("broken-import")
            class Broken:
                def __call__(self, doc): pass
        """,
    })
    make_plugin(site, "newsclean-working-plugin", {"still-working": "newsclean_working_plugin:Working"}, {
        "newsclean_working_plugin": """
            import newsclean

            @newsclean.stage("still-working")
            class Working:
                def __call__(self, doc): pass
        """,
    })
    return run_fresh(BROKEN_RUN.replace("SEED", repr(str(SEED / "input.txt"))), site)


def test_a_broken_plugin_gives_exactly_one_warning_naming_it_and_its_error(broken: dict[str, Any]) -> None:
    ours = [message for category, message in broken["warnings"] if category == "NewscleanWarning"]
    assert len(ours) == 1, broken["warnings"]
    assert "broken-import" in ours[0] and "newsclean_broken_plugin:Broken" in ours[0]
    assert "ModuleNotFoundError" in ours[0] and "newsclean_lacks_this_dependency" in ours[0]
    assert [m for _, m in broken["warnings"] if "broken" in m] == ours


def test_the_other_plugins_load_beside_a_broken_one(broken: dict[str, Any]) -> None:
    assert {"still-working", EXAMPLE_PLUGIN} | BUILT_IN <= set(broken["names"])
    assert "broken-import" not in broken["names"]
    assert broken["again"] == broken["names"]
    assert broken["working"] == ["still-working"]


def test_asking_for_the_broken_stage_raises_an_error_carrying_its_cause(broken: dict[str, Any]) -> None:
    asked = broken["asked"]
    assert asked["type"] == "PluginLoadError" and asked["is_plugin_error"] and asked["known"]
    assert "broken-import" in asked["message"] and "newsclean_lacks_this_dependency" in asked["message"]
    assert asked["cause"].startswith("ModuleNotFoundError(")
    assert "newsclean_lacks_this_dependency" in asked["cause"]


def test_the_default_pipeline_cleans_as_if_the_broken_plugin_were_not_there(broken: dict[str, Any]) -> None:
    assert broken["article"] == clean_article((SEED / "input.txt").read_bytes()).to_dict()


def test_the_seed_page_still_scores_perfectly_beside_a_broken_plugin(broken: dict[str, Any]) -> None:
    from test_evaluation import NOT_METRICS, _scorer

    scorer = _scorer()  # skips when ../shared is absent
    gold = json.loads((SEED / "expected.json").read_text(encoding="utf-8"))
    metrics = scorer.score_case(scorer.Gold(gold), broken["article"])
    assert metrics and {k: v for k, v in metrics.items() if k not in NOT_METRICS and v < 1.0} == {}


def test_an_interrupted_load_is_taken_up_again(tmp_path: Path) -> None:
    """A load cut short (Ctrl-C while a plugin imports) leaves nothing half-done: the next
    lookup loads the plugins again instead of finding the registry closed for good."""
    site = tmp_path / "site"
    marker = tmp_path / "interrupted-once"
    make_plugin(site, "newsclean-slow-plugin", {"slow-start": "newsclean_slow_plugin:Slow"}, {
        "newsclean_slow_plugin": f"""
            import pathlib
            import newsclean

            marker = pathlib.Path({str(marker)!r})
            if not marker.exists():
                marker.touch()
                raise KeyboardInterrupt

            @newsclean.stage("slow-start")
            class Slow:
                def __call__(self, doc): pass
        """,
    })
    got = run_fresh("""
        import json, warnings
        import newsclean
        warnings.simplefilter("error")  # a skipped plugin here would be a failure
        try:
            newsclean.registered()
            first = "loaded"
        except KeyboardInterrupt:
            first = "interrupted"
        print(json.dumps({"first": first, "then": "slow-start" in newsclean.registered(),
                          "added": newsclean.Pipeline().add("slow-start").names}))
    """, site)
    assert got == {"first": "interrupted", "then": True, "added": ["slow-start"]}


def test_a_plugin_that_looks_up_stages_while_it_loads_does_not_loop(tmp_path: Path) -> None:
    site = tmp_path / "site"
    make_plugin(site, "newsclean-curious-plugin", {"curious": "newsclean_curious_plugin:Curious"}, {
        "newsclean_curious_plugin": """
            import newsclean

            SEEN = newsclean.registered()  # while the registry is loading this very plugin

            @newsclean.stage("curious")
            class Curious:
                def __call__(self, doc): pass
        """,
    })
    got = run_fresh("""
        import json, newsclean
        names = newsclean.registered()
        import newsclean_curious_plugin as plugin
        print(json.dumps({"names": names, "seen_promos": "promos" in plugin.SEEN}))
    """, site)
    assert "curious" in got["names"] and got["seen_promos"]


# --- in this process -------------------------------------------------------------------------

def test_an_unknown_name_is_still_unknown_stage_not_a_plugin_error() -> None:
    with pytest.raises(newsclean.UnknownStage) as caught:
        Pipeline().add("no-such-stage-anywhere")
    assert type(caught.value) is newsclean.UnknownStage
