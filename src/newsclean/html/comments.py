"""Reader comments in the DOM: comment items found by their names, their schema.org type, or as
repeated sibling blocks in a comments area, and the role of each of their lines."""

from __future__ import annotations

import itertools
import re
from datetime import date, datetime
from typing import Any

from newsclean.dates import parse_date, parse_iso_datetime
from newsclean.html.page import HtmlComment, Span
from newsclean.html.walk import (
    COMMENT_AREA,
    COMMENT_ID,
    ITEM_TAGS,
    PART_TAGS,
    Walk,
    element_text,
)

# What a part of a comment is, from the words of its class names ("comment-author" -> author).
# Checked in this order: "datetime secondary-text" is a date, "comment-body js-edit-hide" a text.
_PART_WORDS: tuple[tuple[str, frozenset[str]], ...] = (
    ("comment-author", frozenset({"author", "fn", "username", "user", "nickname", "commenter", "name",
                                  "cite"})),
    ("comment-date", frozenset({"date", "time", "published", "posted", "ago", "timestamp", "datetime",
                                "relativetime"})),
    ("comment-title", frozenset({"title", "subject", "headline"})),
    ("comment-text", frozenset({"text", "body", "content", "message", "copy", "entry", "contenttext"})),
    ("comment-widget", frozenset({
        "meta", "metadata", "reply", "avatar", "action", "actions", "vote", "votes", "rating", "like",
        "likes", "permalink", "edit", "report", "flag", "share", "says", "header", "footer", "tools",
        "controls", "link", "links", "button", "buttons", "menu", "count", "badge", "badges", "signature",
        "vcard", "byline", "details", "stats", "score", "karma", "reputation", "flair", "form", "respond"})),
)
_WORD_SPLIT = re.compile(r"[-_\s]+")
# "says:", "sagt:", "dit :" after an author's name.
# (?<!\s): only the start of a run of white space opens a match, so a long run is scanned once.
_SAYS = re.compile(r"(?<!\s)\s+(?:says|said|sagt|schreibt|dit|dice|disse|writes|wrote|kommentierte|a écrit)"
                   r"\s*:?\s*$", re.IGNORECASE)
# A header written as text: "Catherine (GiveWell) on September 13, 2018 at 5:23 pm said:".
_TEXT_HEADER = re.compile(r"^(?:by |par |von )?(?P<author>[^\d:]{1,60}?)\s+(?:on|le|am|el|em|il|·|\||-|–)\s+"
                          r"(?P<date>.{6,60}?)\s*(?:said|says|wrote|sagt|schreibt|dit|a écrit|escribió)?"
                          r"\s*:?$", re.IGNORECASE)
_HEADER_NOISE = re.compile(r"[\W_]+")
_HEADER_ROLES = frozenset({"comment-author", "comment-date", "comment-title"})
_DIGITS = re.compile(r"\d+")


# Areas that hold reader comments (or reviews) themselves, where items may go by any class
# name; not forms, "recent comments" link lists, counters or buttons.
_THREAD_AREA = re.compile(r"comment|disqus|discussion|reviews")
_NOT_A_THREAD = re.compile(r"form|respond|recent|latest|count|widget-area|sidebar|button|link|policy|rules")
_LIST_TAGS = frozenset({"ol", "ul", "dl"})

def _part_role(part: Any) -> str:
    """The role a comment's descendant plays (``comment-author``, ``comment-date``...), or ``""``."""
    prop = part.get("itemprop")
    if prop in ("author", "name", "creator"):
        return "comment-author"
    if prop in ("datePublished", "dateCreated"):
        return "comment-date"
    if prop in ("text", "articleBody", "commentText"):
        return "comment-text"
    words = set(_WORD_SPLIT.split((part.get("class") or "").lower())) - {""}
    for role, vocabulary in _PART_WORDS:
        if words & vocabulary:
            return role
    return PART_TAGS.get(part.tag, "")


def date_of(el: Any) -> date | datetime | None:
    """The date an element states: its machine-readable attribute, else its text."""
    for attr in ("datetime", "content", "title"):
        value = el.get(attr)
        if value:
            found = parse_iso_datetime(value) or parse_date(value)
            if found is not None:
                return found
    return parse_date(element_text(el)) if len(el) < 20 else None


def _names_comments(el: Any) -> bool:
    """True for an element whose id or class names a comments area (``#comments``,
    ``.comment-list``, ``#disqus_thread``)."""
    names = f"{el.get('id') or ''} {el.get('class') or ''}".lower()
    return COMMENT_AREA.search(names) is not None


def _other_number(el: Any, parent: Any) -> bool:
    a, b = _DIGITS.findall(el.get("id") or ""), _DIGITS.findall(parent.get("id") or "")
    return bool(a and b and a != b)


def _is_thread(el: Any) -> bool:
    """True for an area that holds the comments themselves (``#comments``, ``.reviews``)."""
    names = f"{el.get('id') or ''} {el.get('class') or ''}".lower()
    return _THREAD_AREA.search(names) is not None and _NOT_A_THREAD.search(names) is None


_FORM_TAGS = ("form", "textarea", "input", "select")


def _link_share(el: Any) -> float:
    text = len(el.text_content().strip())
    links = sum(len(a.text_content().strip()) for a in el.iter("a"))
    return links / text if text else 1.0


def _repeated_items(walk: Walk) -> None:
    """Comment items in areas where no element is named like one (a review widget's
    ``div.xyz-rev``): the wordiest group of two or more siblings of one class, each with lines
    of its own and not mostly links, inside an area that holds comments. They join ``walk.items``, and the
    named elements inside them ``walk.parts``, as if the walk had found them."""
    spans, item_set = walk.spans, walk.item_set
    groups: dict[tuple[Any, str], list[Any]] = {}
    for el in walk.area_parts + walk.areas:
        span = spans.get(el)
        if span is not None and span[1] > span[0] and el.tag in ITEM_TAGS:
            groups.setdefault((el.getparent(), el.get("class") or ""), []).append(el)
    found: list[Any] = []
    best = 0
    for (parent, _), members in groups.items():
        if len(members) < 2 or parent is None:
            continue
        around = itertools.chain((parent,), parent.iterancestors())
        thread = next((a for a in around if a in walk.area_set), None)
        if thread is None or not _is_thread(thread) or any(a in item_set for a in parent.iterancestors()):
            continue
        if any(i in item_set for i in parent.iter()):
            continue  # the area has named items: they are the comments
        # Not a form ("Name", "Email", "Comment") nor a link list; the same text twice is a
        # widget repeated ("Log in to comment"), not two comments.
        members = [m for m in members if _link_share(m) < 0.5 and next(m.iter(*_FORM_TAGS), None) is None]
        if len({element_text(m) for m in members}) < len(members):
            continue
        # The group with the most words: a rating histogram repeats its rows too.
        words = sum(len(walk.lines[i].split()) for m in members for i in range(*spans[m]))
        if len(members) >= 2 and words > best:
            found, best = members, words
    if not found:
        return
    inside = set(found)
    walk.items.extend(found)
    item_set.update(found)
    walk.items.sort(key=lambda el: spans[el][0])
    for el in walk.area_parts:
        if el not in inside and any(a in inside for a in el.iterancestors()):
            walk.parts.append(el)


def find_comments(walk: Walk) -> list[HtmlComment]:
    """One record per comment item: its own lines (less its replies'), each with its role."""
    _repeated_items(walk)
    spans, items, item_set = walk.spans, walk.items, walk.item_set
    # An item inside another with no list between them and no other number in its id is the
    # same comment (WordPress puts article#div-comment-9 in li#comment-9); a reply sits in a
    # nested list, or has an id of its own.
    owner: dict[Any, Any] = {}
    top: list[Any] = []
    for el in items:
        parent, crossed, area = el.getparent(), False, False
        while parent is not None and parent not in item_set:
            crossed = crossed or parent.tag in _LIST_TAGS
            area = area or _names_comments(parent)
            parent = parent.getparent()
        if parent is not None and not crossed and not _other_number(el, parent):
            owner[el] = owner.get(parent, parent)
        # A class "comment" alone also names op-ed teasers ("Comment: ..."): a comment has an
        # id of its own, or stands in a comments area or in another comment.
        elif el in spans and (area or parent is not None or COMMENT_ID.match((el.get("id") or "").lower())):
            top.append(el)
    replies: dict[Any, list[Span]] = {el: [] for el in top}
    for el in top:
        parent = el.getparent()
        while parent is not None:
            record = owner.get(parent, parent)
            if record in replies:
                replies[record].append(spans[el])
                break
            parent = parent.getparent()
    parts_of: dict[Any, list[Any]] = {el: [] for el in top}
    for el in walk.parts:
        parent = el.getparent()
        while parent is not None and parent not in item_set:
            parent = parent.getparent()
        record = owner.get(parent, parent)
        if record in parts_of and el in spans:
            parts_of[record].append(el)
    for el, record in owner.items():  # a merged inner item is a part too: its class says what
        if record in parts_of and el in spans:
            parts_of[record].append(el)
    out: list[HtmlComment] = []
    header: HtmlComment | None = None
    for el in top:
        # A definition list pairs a header (dt: name, date) with its comment (dd).
        if el.tag == "dt":
            header = _comment(el, spans, replies[el], parts_of[el], walk.lines, header_only=True)
            continue
        comment = _comment(el, spans, replies[el], parts_of[el], walk.lines)
        if comment is not None and header is not None and el.tag == "dd":
            comment.roles = header.roles + comment.roles
            comment.author = comment.author or header.author
            comment.date = comment.date or header.date
            comment.title = comment.title or header.title
        header = None
        if comment is not None:
            out.append(comment)
    return out


def _header_line(line: str, value: str) -> bool:
    """True when ``line`` is a comment header around ``value`` (a name or a date): what is left
    is a "says", a date, a time or a few words, not a sentence."""
    rest = _SAYS.sub("", line.replace(value, " ", 1)) if value else line
    if not _HEADER_NOISE.sub("", rest):
        return True
    words = rest.split()
    return len(words) <= 3 or (len(words) <= 12 and parse_date(rest) is not None)


def _read_header(line: str, comment: HtmlComment) -> bool:
    """Take the author and date from a header written as text; True when ``line`` is one."""
    m = _TEXT_HEADER.match(line) if len(line) <= 120 else None
    found = parse_date(m["date"]) if m is not None else None
    if m is None or found is None:
        return False
    comment.author = comment.author or m["author"].strip()
    comment.date = comment.date or found
    return True


def _comment(el: Any, spans: dict[Any, Span], replies: list[Span], parts: list[Any], lines: list[str], *,
             header_only: bool = False) -> HtmlComment | None:
    start, end = spans[el]
    own = [i for i in range(start, end) if not any(a <= i < b for a, b in replies)]
    own_set = set(own)
    roles: dict[int, str] = {}
    comment = HtmlComment()

    def claim(part: Any, role: str, value: str) -> bool:
        a, b = spans[part]
        mine = [i for i in range(a, b) if i in own_set]
        taken = [i for i in mine if i not in roles]
        if not taken:
            # A header line another part of the header took ("Ann 3 May 2020"): the value holds,
            # and the line is named for its author.
            if not mine or role not in _HEADER_ROLES or any(roles[i] not in _HEADER_ROLES for i in mine):
                return False
            if role == "comment-author":
                roles.update(dict.fromkeys(mine, role))
            return True
        # An inline name or date shares its line with the rest of a header ("Ann 3 May 2020",
        # "Ann says:"), or stands inside a sentence, which leaves the line to the text; an
        # inline button or "says" takes a line only when it is all the line holds.
        if b - a == 1 and role == "comment-widget":
            if _HEADER_NOISE.sub("", lines[a].replace(value, " ", 1)):
                return False
        elif b - a == 1 and role != "comment-text" and not _header_line(lines[a], value):
            return False
        for i in taken:
            roles[i] = role
        return True

    # The smallest parts first, so that a name or a date claims its line before the header
    # around it, and a text before a wrapper named "meta" or "edit"; of two parts on the same
    # lines the later one is the inner one (descendants follow their ancestors).
    order = sorted(range(len(parts)), key=lambda n: (spans[parts[n]][1] - spans[parts[n]][0], -n))
    for part in (parts[n] for n in order):
        role = _part_role(part)
        if role == "comment-author" and comment.author is None:
            fn = part.find(".//*[@class='fn']")
            name = element_text(fn) if fn is not None else _SAYS.sub("", element_text(part)).strip(" :–-")
            if _read_header(name, comment):
                name = comment.author or ""
            if name and len(name.split()) <= 8:
                comment.author = name  # even when its line is a sentence, which stays text
                claim(part, role, element_text(part))
        elif role == "comment-date" and comment.date is None:
            found = date_of(part)
            if found is not None and claim(part, role, element_text(part)):
                comment.date = found
        elif role == "comment-title" and comment.title is None:
            title = element_text(part)
            if title and claim(part, role, title):
                comment.title = title
        elif role in ("comment-text", "comment-widget"):
            claim(part, role, element_text(part))
    text = [i for i in own if roles.get(i, "comment-text") == "comment-text"]
    for i in text:
        if not any(c.isalpha() for c in lines[i]):
            roles[i] = "comment-widget"  # vote counts, "+3", "|"
    text = [i for i in text if i not in roles or roles[i] == "comment-text"]
    if text and (comment.author is None or comment.date is None) and _read_header(lines[text[0]], comment):
        roles[text.pop(0)] = "comment-author"
    comment.roles = [(i, roles.get(i, "comment-text")) for i in own]
    if header_only:
        return comment
    words = sum(lines[i].count(" ") + 1 for i in text)
    if not text or (comment.author is None and comment.date is None and words <= 2):
        return None  # no text, or "(0)", "Comments": a counter or a heading named like a comment
    return comment
