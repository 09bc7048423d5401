"""trafilatura's main text of a page, and its alignment with the page's lines."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Any

from newsclean.html.page import HtmlPage
from newsclean.normalize import key


@dataclass(slots=True)
class MainText:
    """What trafilatura makes of a page (its main text and comments, as lines), with the title
    and description the page's head gives."""

    lines: list[str]
    comments: list[str]
    title: str | None = None
    description: str | None = None


# trafilatura marks list items "- " in plain text, and writes table rows "| a | b |".
_LIST_MARK = re.compile(r"^\s*- ")


def _text_lines(text: str | None) -> list[str]:
    out: list[str] = []
    for line in (text or "").split("\n"):
        line = line.strip()
        if not line:
            continue
        if line.startswith("|"):
            cells = line.strip("| ").split(" | ")
            out.extend(cell.strip().replace("\\|", "|") for cell in cells if cell.strip())
        else:
            out.append(_LIST_MARK.sub("", line) if line.startswith("- ") else line)
    return out


def extract_main(page: HtmlPage, *, focus: str = "balanced", comments: bool = True,
                 fast: bool = False) -> MainText | None:
    """Ask trafilatura for the page's main text, comments and metadata, on the tree already
    parsed (trafilatura copies it, and does not parse the page again). ``focus`` is
    ``"balanced"``, ``"precision"`` or ``"recall"``; ``fast`` skips trafilatura's second
    opinions (readability, jusText); None when trafilatura finds nothing.
    """
    import trafilatura

    # The metadata comes from the page's head (:func:`head_meta`, read with the tree): asking
    # trafilatura for it too would cost a sixth of the whole HTML path.
    result = trafilatura.bare_extraction(
        page.root, url=page.url, include_comments=comments, with_metadata=False, fast=fast,
        favor_precision=focus == "precision", favor_recall=focus == "recall",
    )
    if result is None:
        return None
    data: dict[str, Any] = result if isinstance(result, dict) else result.as_dict()
    return MainText(
        lines=_text_lines(data.get("text")), comments=_text_lines(data.get("comments")),
        title=page.head.title, description=page.head.description,
    )


def match_lines(keys: list[str], wanted: list[str], *, short: int = 25, ahead: int = 3) -> set[int]:
    """Indices of ``keys`` (line keys, in page order) that ``wanted`` (another extraction's
    lines, in order) covers.

    The two are aligned with a cursor in the extraction's text. A long line is covered when it
    occurs after the cursor (or anywhere, when the extraction moved it). A short line (fewer
    than ``short`` characters) only where the cursor stands, or as one of the ``ahead`` next
    lines: "Home", "Share" or a name occur by chance further on.

    >>> keys = ["kyle busch", "a long first paragraph here", "share", "and the second one", "kyle busch"]
    >>> sorted(match_lines(keys, ["a long first paragraph here", "and the second one", "kyle busch"]))
    [1, 3, 4]
    """
    if not wanted:
        return set()
    lines = [key(w) for w in wanted]
    starts: list[int] = []
    offset = 0
    for line in lines:
        starts.append(offset)
        offset += len(line) + 1
    # One string, lines joined by spaces: trafilatura keeps a paragraph's source line breaks,
    # so one line of ours may span several of its lines (and a row of cells, several of ours).
    flat = " ".join(lines)
    covered: set[int] = set()
    cursor = 0
    for i, k in enumerate(keys):
        if not k:
            continue
        if k[0] in "-*•" and k[1:2] == " ":
            k = k[2:]  # a bullet written in the text; the extraction's own markers are gone
        if len(k) >= short:
            pos = flat.find(k, cursor)
            if pos >= 0:
                covered.add(i)
                cursor = pos + len(k)
            elif k in flat:  # out of order (the extraction moved it): covered, the cursor stays
                covered.add(i)
            continue
        while cursor < len(flat) and flat[cursor] == " ":
            cursor += 1
        end = cursor + len(k)
        if covered and flat.startswith(k, cursor) and (end >= len(flat) or flat[end] == " "
                                                       or not k[-1].isalnum()):
            covered.add(i)
            cursor = end
            continue
        # Before anything matched, only the extraction's first line: menus come first.
        j = bisect.bisect_left(starts, cursor)
        for n in range(j, min(j + (ahead if covered else 1), len(lines))):
            if lines[n] == k:
                covered.add(i)
                cursor = starts[n] + len(k)
                break
    return covered
