"""Plugin discovery through a real installed package (``examples/plugin``), not a monkeypatch: its
entry point is listed, loading it registers the stage, and the stage works by name."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from importlib.metadata import entry_points, version
from pathlib import Path

import pytest

import newsclean
from newsclean import Document, Pipeline

ROOT = Path(__file__).resolve().parents[1]
GROUP = "newsclean.stages"
NAME = "example-shouting"
INSTALL_HINT = ("the example plugin is not installed in this environment; run the README test command "
                "from the project root: pip install \".[test]\" ./examples/plugin")


def require_plugin() -> None:
    """Fail (never skip) when the plugin is missing: discovery is what these tests prove."""
    if NAME not in {ep.name for ep in entry_points(group=GROUP)}:
        pytest.fail(INSTALL_HINT, pytrace=False)


def test_the_entry_point_is_listed_in_the_group() -> None:
    require_plugin()
    (ep,) = [ep for ep in entry_points(group=GROUP) if ep.name == NAME]
    assert ep.value == "newsclean_example_plugin:Shouting"
    assert ep.dist is not None and ep.dist.name == "newsclean-example-plugin"


def test_the_installed_plugin_is_the_one_in_examples() -> None:
    require_plugin()
    pyproject = (ROOT / "examples" / "plugin" / "pyproject.toml").read_text(encoding="utf-8")
    declared = re.search(r'^version = "([^"]+)"', pyproject, re.MULTILINE)
    assert declared is not None
    assert version("newsclean-example-plugin") == declared.group(1), INSTALL_HINT


def test_the_registry_lists_the_plugin_stage() -> None:
    require_plugin()
    assert NAME in newsclean.registered()


def test_the_plugin_stage_labels_a_line_in_capitals() -> None:
    require_plugin()
    pipe = Pipeline.default().add(NAME, first=True)
    doc = pipe.run(Document.from_text("BREAKING NEWS\nThe storm reached the coast on Monday."))
    line = doc.lines[0]
    assert (line.label, line.stage, line.reason) == ("chrome", NAME, "shouting")


def test_the_plugin_stage_leaves_other_lines_alone() -> None:
    require_plugin()
    pipe = Pipeline.default().add(NAME, first=True)
    article = newsclean.clean_article(
        "Storm Hits The Coast\nالرئيسية\nAFP\n"
        "The storm reached the coast on Monday, officials said, and more rain is expected this week.",
        pipeline=pipe)
    assert [r.reason for r in article.lines if r.stage == NAME] == []


def test_the_plugin_stage_takes_keyword_settings() -> None:
    require_plugin()
    pipe = Pipeline.default().add(NAME, first=True, min_letters=20)
    doc = pipe.run(Document.from_text("BREAKING NEWS"))
    assert doc.lines[0].stage != NAME


def test_plugins_load_without_being_imported_by_hand() -> None:
    require_plugin()
    code = ("import sys, newsclean\n"
            "assert 'newsclean_example_plugin' not in sys.modules\n"
            f"assert {NAME!r} in newsclean.registered()\n"
            "assert 'newsclean_example_plugin' in sys.modules\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
