"""HTML that attacks the parser: external entities, entity bombs, extreme nesting, huge text nodes.

Memory is measured in a child process (``ru_maxrss`` is a high-water mark: in this process it
would include every earlier test).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from newsclean import clean_article

SRC = Path(__file__).resolve().parents[2] / "src"


def _all_output(html: str | bytes) -> str:
    return json.dumps(clean_article(html).to_dict(), ensure_ascii=False)


def _external_entity_pages(path: Path) -> dict[str, str]:
    uri = path.as_uri()
    return {
        "doctype-system": f'<!DOCTYPE x [<!ENTITY e SYSTEM "{uri}">]><html><body><p>&e;</p></body></html>',
        "xml-declaration": (f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY e SYSTEM "{uri}">]>'
                            "<html><body><p>&e;</p><p>a</p><p>b</p></body></html>"),
        "plain-path": (f'<!DOCTYPE html [<!ENTITY e SYSTEM "{path}">]>'
                       "<html><body><div>&e;</div></body></html>"),
        "parameter-entity": (f'<!DOCTYPE html [<!ENTITY % p SYSTEM "{uri}"> %p;]>'
                             "<html><body><p>text</p></body></html>"),
        "external-dtd": f'<!DOCTYPE html SYSTEM "{uri}"><html><body><p>&e;</p></body></html>',
        "xinclude": (f'<html xmlns:xi="http://www.w3.org/2001/XInclude"><body>'
                     f'<xi:include href="{uri}" parse="text"/><p>x</p></body></html>'),
    }


@pytest.mark.parametrize("name", sorted(_external_entity_pages(Path("/x"))))
def test_external_entity_is_never_resolved(name: str, secret_file: tuple[Path, str]) -> None:
    path, secret = secret_file
    html = _external_entity_pages(path)[name]
    assert secret not in _all_output(html)
    assert secret not in _all_output(html.encode("utf-8"))


def test_external_entity_example_from_the_issue(secret_file: tuple[Path, str]) -> None:
    path, secret = secret_file
    html = f'<!DOCTYPE x [<!ENTITY e SYSTEM "{path.as_uri()}">]><html><body><p>&e;</p></body></html>'
    article = clean_article(html)
    assert all(secret not in r.text for r in article.lines)


def _laughs(levels: int = 10, fan: int = 10) -> str:
    decls = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * fan}">' for i in range(1, levels)]
    return (f'<?xml version="1.0"?><!DOCTYPE lolz [{"".join(decls)}]>'
            f"<html><body><p>&lol{levels - 1};</p><p>after</p></body></html>")


def _quadratic_blowup() -> str:
    big = "A" * 100_000
    return (f'<!DOCTYPE html [<!ENTITY a "{big}">]><html><body><p>{"&a;" * 20_000}</p>'
            "</body></html>")


_CHILD = textwrap.dedent("""
    import json, resource, sys, time
    from newsclean import clean_article
    clean_article("<html><body><p>warm up</p><p>a</p></body></html>")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    data = sys.stdin.read()
    t0 = time.perf_counter()
    article = clean_article(data)
    seconds = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    text = json.dumps(article.to_dict())
    print(json.dumps({"grew_mb": (after - before) / 1024, "seconds": seconds, "chars": len(text)}))
""")


@pytest.mark.parametrize("page", [_laughs(), _laughs(levels=20, fan=4), _quadratic_blowup()],
                         ids=["billion-laughs", "deep-laughs", "quadratic-blowup"])
def test_entity_bomb_finishes_with_bounded_memory(page: str) -> None:
    env = dict(os.environ, PYTHONPATH=str(SRC))
    proc = subprocess.run([sys.executable, "-c", _CHILD], input=page, capture_output=True, text=True,
                          timeout=120, env=env)
    assert proc.returncode == 0, proc.stderr[-2000:]
    result = json.loads(proc.stdout)
    # Bounded: a few MB of input may cost a few tens of MB, never the gigabytes of an expansion.
    assert result["grew_mb"] < 20 * len(page) / 1e6 + 50, result
    assert result["chars"] < 100 * len(page), result


def _nested(depth: int, tag: str = "div", close: bool = True) -> str:
    closing = f"</{tag}>" * depth if close else ""
    return (f"<html><body><p>before the nest.</p>{f'<{tag}>' * depth}<p>deep inside the nest.</p>"
            f"{closing}<p>after the nest.</p></body></html>")


@pytest.mark.parametrize(("depth", "tag", "close"), [
    (100_000, "div", True), (100_000, "div", False), (100_000, "span", True), (300, "div", True),
    (5_000, "section", True),
])
def test_deep_nesting_does_not_crash_nor_lose_text(depth: int, tag: str, close: bool) -> None:
    article = clean_article(_nested(depth, tag, close))
    text = "\n".join(r.text for r in article.lines)
    for words in ("before the nest.", "deep inside the nest.", "after the nest."):
        assert words in text, f"{words!r} lost: lines are {[r.text for r in article.lines]}"


def test_deep_nesting_in_text_input() -> None:
    text = "(" * 100_000 + "\n" + "«" * 100_000 + "\n" + "[" * 50_000 + "]" * 50_000
    assert len(clean_article(text).lines) == 3


def test_huge_text_node_is_kept() -> None:
    paragraph = "word " * 2_200_000 + "END"  # 11 MB: past libxml2's default 10 MB text node limit
    article = clean_article(f"<html><body><p>{paragraph}</p><p>after the paragraph.</p></body></html>")
    texts = [r.text for r in article.lines]
    assert any(t.endswith("END") for t in texts), [t[:40] for t in texts]
    assert "after the paragraph." in texts


def test_html_with_control_characters_and_nul() -> None:
    html = "<html><body><p>a\x00b</p><p>c\x01\x1bd</p><p>e\x0cf</p></body></html>"
    text = "\n".join(r.text for r in clean_article(html).lines)
    for c in "abcdef":
        assert c in text


@pytest.mark.parametrize("depth", [10, 300])
def test_page_ending_in_text_with_a_less_than_sign_keeps_it(depth: int) -> None:
    """Text after the last ">" is visible when its "<" opens no tag ("< 5"), shallow or deep."""
    html = "<html><body>" + "<div>" * depth + "<p>Prices fell.</p><p>The index is < 5 points and rising"
    text = "\n".join(r.text for r in clean_article(html).lines)
    assert "5 points and rising" in text, text
