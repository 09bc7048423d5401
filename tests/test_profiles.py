"""Site profiles: counting lines per site, the ``site-profile`` stage, and learning on a crawl."""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest

from newsclean import Pipeline, SiteProfile, SiteProfiles, clean_article, learn_profiles
from newsclean.document import Document
from newsclean.profiles import LineCounts, page_keys
from newsclean.stages.site_profile import SiteProfileStage
from test_evaluation import _scorer as shared_scorer  # the shared scorer, skipped when absent

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHONIOENCODING": "utf-8"}
COMMAND = [sys.executable, "-m", "newsclean.cli"]
STORY = [
    "The storm reached the coast on Monday, officials said, and more rain is expected this week.",
    "Emergency crews worked through the night to clear roads and restore power to thousands of homes.",
    "Schools in the worst-hit districts will stay closed until Wednesday, the education ministry said.",
    "Forecasters said the river would peak on Thursday and urged people in low areas to leave.",
]


def test_counts_merge_in_any_order() -> None:
    pages = [(f"https://www.example.com/{n}", {"menu", "footer", f"story {n}"}) for n in range(6)]
    pages += [(f"https://other.org/{n}", {"menu", f"line {n % 2}"}) for n in range(4)]
    pages.append((None, {"menu"}))  # no URL, no site: not counted
    whole = LineCounts()
    for url, keys in pages:
        whole.add(url, keys)
    parts = [LineCounts() for _ in range(3)]
    for n, (url, keys) in enumerate(pages):
        parts[n % 3].add(url, keys)
    merged = parts[2] + parts[0] + parts[1]
    assert merged.pages == whole.pages == {"example.com": 6, "other.org": 4}
    assert merged.keys == whole.keys
    assert merged.profiles().to_json() == whole.profiles().to_json()
    profiles = whole.profiles(min_pages=2, min_share=0.5)
    assert dict(profiles["example.com"].lines) == {"footer": 6, "menu": 6}
    assert dict(profiles["other.org"].lines) == {"line 0": 2, "line 1": 2, "menu": 4}
    assert whole.profiles(min_pages=3, min_share=0.5)["other.org"].lines == {"menu": 4}


def test_counting_is_bounded_and_keeps_what_repeats() -> None:
    counts = LineCounts(capacity=50)
    for n in range(400):
        counts.add(f"https://example.com/{n}", {"site menu", "site footer", f"unique {n}", f"pair {n // 2}"})
    assert len(counts.keys["example.com"]) <= 51
    profile = counts.profiles(min_pages=2, min_share=0.5)["example.com"]
    assert set(profile.lines) == {"site menu", "site footer"}
    assert all(count >= 0.9 * 400 for count in profile.lines.values())  # short of 400 by at most 400/50


def test_min_pages_below_two_is_refused() -> None:
    with pytest.raises(ValueError, match="at least 2"):
        LineCounts().profiles(min_pages=1)


def test_profiles_file_round_trip_and_bad_files(tmp_path: Path) -> None:
    profiles = SiteProfiles(
        [SiteProfile("example.com", 10, {"اشترك في قناتنا": 9, "home": 10})], min_pages=2, min_share=0.5
    )
    path = tmp_path / "profiles.json"
    profiles.save(path)
    loaded = SiteProfiles.load(path)
    assert loaded.to_json() == profiles.to_json()
    assert loaded.for_url("https://www.Example.com/a") == profiles["example.com"]
    assert loaded.for_url("https://example.org/") is None and loaded.for_url(None) is None
    (tmp_path / "bad.json").write_text('{"sites": {}}', encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.json: not a newsclean profiles file"):
        SiteProfiles.load(tmp_path / "bad.json")
    done = subprocess.run(
        [
            *COMMAND,
            "batch",
            str(path),
            "-o",
            str(tmp_path / "o.jsonl"),
            "--profiles",
            str(tmp_path / "bad.json"),
        ],
        env=ENV,
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 1 and done.stderr.decode().count("\n") == 1


def _doc(lines: list[str]) -> Document:
    doc = Document.from_text("\n".join(lines), lang="en")
    doc.stage = "site-profile"
    return doc


def test_stage_takes_open_lines_and_prose_only_on_most_pages() -> None:
    doc = _doc(["Menu", "Follow us", STORY[0], STORY[1], STORY[2], "Footer"])
    doc.stage = "region"
    for i in (2, 3, 4):
        doc.label(i, "body", "prose-good")
    doc.meta["region"] = (2, 4)
    doc.stage = "promos"
    doc.label(1, "promo", "follow")
    doc.stage = "site-profile"
    keys = [line.key for line in doc.lines]
    profile = SiteProfile("example.com", 10, {keys[0]: 3, keys[1]: 10, keys[2]: 9, keys[3]: 8, keys[5]: 5})
    SiteProfileStage(profile=profile, most=0.9)(doc)
    got = [(line.label, line.reason) for line in doc.lines]
    assert got == [
        ("chrome", "site-repeated"),
        ("promo", "follow"),
        ("chrome", "site-repeated"),
        ("body", "prose-good"),
        ("body", "prose-good"),
        ("chrome", "site-repeated"),
    ]
    assert doc.lines[2].detail == "on 9 of 10 pages of example.com"


def test_stage_keeps_the_prose_of_a_page_that_copies_another() -> None:
    doc = _doc(["Menu", *STORY])
    doc.stage = "region"
    for i in range(1, 5):
        doc.label(i, "body", "prose-good")
    doc.meta["region"] = (1, 4)
    doc.stage = "site-profile"
    profile = SiteProfile("example.com", 2, {line.key: 2 for line in doc.lines})
    SiteProfileStage(profile=profile)(doc)
    assert [line.label for line in doc.lines] == ["chrome", "body", "body", "body", "body"]


def test_no_profile_no_change_and_pipeline_must_hold_the_stage() -> None:
    text = "Home\nWorld\n" + "\n".join(STORY) + "\nContact us"
    assert "site-profile" not in Pipeline.default().names
    profile = SiteProfile("example.com", 4, {"home": 4, "contact us": 4})
    with_profile = clean_article(text, profile=profile)
    plain = clean_article(text)
    assert with_profile.body == plain.body
    assert [(r.text, r.reason) for r in with_profile.lines if r.reason == "site-repeated"] == [
        ("Home", "site-repeated"),
        ("Contact us", "site-repeated"),
    ]
    assert all(r.reason != "site-repeated" for r in plain.lines)
    with pytest.raises(ValueError, match="site-profile"):
        clean_article(text, pipeline=Pipeline.default(), profile=profile)


def test_learn_profiles_from_pages() -> None:
    pages = [(f"https://example.com/{n}", "Home | World\n" + STORY[n]) for n in range(4)]
    profiles = learn_profiles(pages)
    assert dict(profiles["example.com"].lines) == {"home | world": 4}
    assert page_keys("<html><body><nav>Home</nav><p>Story</p></body></html>") == {"home", "story"}


# --- a crawl of one site, with lines no rule knows ----------------------------------------------

SLOGAN = "Sauti ya watu, habari za kweli kila siku"
MENU = ["Mwanzo", "Siasa", "Uchumi", "Michezo", "Utamaduni"]
APP = "Pakua programu yetu ya simu upate habari papo hapo bila malipo yoyote"
SITE_LINES = [SLOGAN, *MENU, APP]


def mayadeen_crawl(tmp_path: Path) -> tuple[Path, dict[str, list[str]], dict[str, list[str]]]:
    """The 20 Al Mayadeen pages as a JSON-lines crawl, each given the site's slogan, menu and app
    line at places that vary from page to page: above the text, between two body paragraphs, at
    the end. Returns the crawl, each page's gold body, and each page's lines."""
    folders = sorted(CORPUS.glob("ar/almayadeen-*"))
    if len(folders) != 20:
        pytest.skip(f"the shared corpus is absent ({CORPUS})")
    rng = random.Random(11)
    crawl = tmp_path / "crawl.jsonl"
    gold: dict[str, list[str]] = {}
    pages: dict[str, list[str]] = {}
    with crawl.open("w", encoding="utf-8") as out:
        for folder in folders:
            exp = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
            lines = (folder / "input.txt").read_text(encoding="utf-8").splitlines()
            body_at = [i for i, line in enumerate(lines) if line in exp["body"]]
            places = [0, rng.choice(body_at[1:]) if len(body_at) > 1 else body_at[0], len(lines)]
            blocks = [[SLOGAN], MENU, [APP]]
            rng.shuffle(blocks)
            for at, block in sorted(zip(places, blocks, strict=True), reverse=True):
                lines[at:at] = block
            gold[folder.name] = exp["body"]
            pages[folder.name] = lines
            out.write(
                json.dumps(
                    {"id": folder.name, "url": exp["source"]["url"], "text": "\n".join(lines)},
                    ensure_ascii=False,
                )
                + "\n"
            )
    return crawl, gold, pages


def test_a_profile_learns_a_sites_lines_that_no_rule_knows(tmp_path: Path) -> None:
    crawl, gold, pages = mayadeen_crawl(tmp_path)
    without = {name: clean_article("\n".join(lines)) for name, lines in pages.items()}
    # No rule knows these lines: without a profile, some of them end in the body.
    assert any(r.label == "body" and r.text in SITE_LINES for a in without.values() for r in a.lines)

    profiles_path = tmp_path / "profiles.json"
    done = subprocess.run(
        [*COMMAND, "learn", str(crawl), "-o", str(profiles_path), "--jobs", "2"],
        env=ENV,
        capture_output=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr.decode()
    profiles = SiteProfiles.load(profiles_path)
    assert list(profiles) == ["almayadeen.net"] and profiles["almayadeen.net"].pages == 20
    profile = profiles["almayadeen.net"]
    for name, lines in pages.items():
        article = clean_article("\n".join(lines), profile=profile)
        taken = {r.text for r in article.lines if r.reason == "site-repeated"}
        assert set(SITE_LINES) <= taken, name
        assert not taken & set(gold[name]), name
        assert all(r.label == "chrome" for r in article.lines if r.text in SITE_LINES)


def test_batch_learn_is_learn_then_batch_profiles(tmp_path: Path) -> None:
    crawl, _, _ = mayadeen_crawl(tmp_path)
    profiles = tmp_path / "profiles.json"
    subprocess.run(
        [*COMMAND, "learn", str(crawl), "-o", str(profiles), "--jobs", "1"],
        env=ENV,
        check=True,
        capture_output=True,
        timeout=300,
    )
    two_steps, one_run = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    subprocess.run(
        [*COMMAND, "batch", str(crawl), "-o", str(two_steps), "--profiles", str(profiles), "--jobs", "2"],
        env=ENV,
        check=True,
        capture_output=True,
        timeout=300,
    )
    done = subprocess.run(
        [*COMMAND, "batch", str(crawl), "-o", str(one_run), "--learn", "--jobs", "2"],
        env=ENV,
        capture_output=True,
        timeout=300,
    )
    assert done.returncode == 0 and "site profiles for 1 sites" in done.stderr.decode()
    assert one_run.read_bytes() == two_steps.read_bytes()
    records = [json.loads(x) for x in one_run.read_text(encoding="utf-8").splitlines()]
    assert all(r["reasons"]["site-repeated"] >= len(SITE_LINES) for r in records)
    assert all(SLOGAN not in r["text"] and APP not in r["text"] for r in records)


# --- the corpus sets, each learning from its own pages ------------------------------------------


def _case_url(exp: dict[str, object]) -> str | None:
    source = exp.get("source")
    if isinstance(source, dict):
        return str(source["url"]) if source.get("url") else None
    found = re.search(r"\burl (\S+)", str(source or ""))
    return found.group(1) if found else None


def _means(
    score: object, corpus_set: str
) -> tuple[dict[str, float], dict[str, float], dict[str, dict[str, float]]]:
    """Mean metrics of a set cleaned without and with profiles learned over its own pages, and
    each case's metrics with them."""
    cases = []
    for exp_path in sorted((CORPUS / corpus_set).glob("*/expected.json")):
        exp = json.loads(exp_path.read_text(encoding="utf-8"))
        cases.append(
            (exp_path.parent.name, exp, _case_url(exp), (exp_path.parent / "input.txt").read_bytes())
        )
    profiles = learn_profiles((url, text) for _, _, url, text in cases)
    before: dict[str, list[float]] = {}
    after: dict[str, list[float]] = {}
    per_case = {}
    for name, exp, url, text in cases:
        gold = score.Gold(exp)  # type: ignore[attr-defined]
        for into, article in (
            (before, clean_article(text)),
            (after, clean_article(text, profile=profiles.for_url(url))),
        ):
            found = score.score_case(gold, article.to_dict())  # type: ignore[attr-defined]
            for metric, value in found.items():
                into.setdefault(metric, []).append(value)
        per_case[name] = found
    mean = {k: sum(v) / len(v) for k, v in before.items()}, {k: sum(v) / len(v) for k, v in after.items()}
    return mean[0], mean[1], per_case


def test_profiles_on_scrapinghub_raise_precision_and_keep_recall() -> None:
    score = shared_scorer()
    if not (CORPUS / "bench" / "scrapinghub").is_dir():
        pytest.skip("the shared corpus is absent")
    before, after, _ = _means(score, "bench/scrapinghub")
    assert after["body_p"] > before["body_p"]
    assert after["body_r"] >= before["body_r"] - 0.005


def test_profiles_on_ar_lower_no_metric_and_keep_the_seed() -> None:
    score = shared_scorer()
    if not (CORPUS / "ar").is_dir():
        pytest.skip("the shared corpus is absent")
    before, after, per_case = _means(score, "ar")
    assert all(after[metric] >= before[metric] for metric in before)
    assert all(value == 1.0 for value in per_case["elaph-seed"].values())


def test_clean_and_explain_take_a_profile(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Habari zote kila siku\n" + "\n".join(STORY), encoding="utf-8")
    SiteProfiles([SiteProfile("example.com", 5, {"habari zote kila siku": 5})]).save(tmp_path / "p.json")
    args = ["--profile", str(tmp_path / "p.json"), "--url", "https://example.com/a", str(page)]
    done = subprocess.run([*COMMAND, "clean", *args], env=ENV, capture_output=True, timeout=60)
    record = json.loads(done.stdout)
    profile = SiteProfiles.load(tmp_path / "p.json")["example.com"]
    assert record == json.loads(json.dumps(clean_article(page.read_bytes(), profile=profile).to_dict()))
    assert record["chrome"] == ["Habari zote kila siku"]
    shown = subprocess.run(
        [*COMMAND, "explain", *args], env=ENV, capture_output=True, timeout=60
    ).stdout.decode()
    assert "site-repeated" in shown.splitlines()[1]
    other = ["--profile", str(tmp_path / "p.json"), "--url", "https://other.org/a", str(page)]
    plain = subprocess.run([*COMMAND, "clean", *other], env=ENV, capture_output=True, timeout=60)
    assert "site-repeated" not in plain.stdout.decode()


def test_learning_from_pages_without_urls_says_so(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Menu\n" + STORY[0], encoding="utf-8")
    (tmp_path / "b.txt").write_text("Menu\n" + STORY[1], encoding="utf-8")
    done = subprocess.run(
        [*COMMAND, "learn", str(tmp_path), "-o", str(tmp_path / "p.json"), "--jobs", "1"],
        env=ENV,
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 0
    assert "2 pages have no URL" in done.stderr.decode()
    assert len(SiteProfiles.load(tmp_path / "p.json")) == 0
