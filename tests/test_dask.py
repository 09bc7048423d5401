"""newsclean on Dask, on a two-worker ``LocalCluster``: the same output as the local path."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsclean import clean_many

distributed = pytest.importorskip("distributed")
dask_bag = pytest.importorskip("dask.bag")

from newsclean.batch.command import run_batch  # noqa: E402
from newsclean.dask import clean_bag, clean_frame, learn_profiles  # noqa: E402
from newsclean.profiles import learn_profiles as learn_locally  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
STORY = (
    "The storm reached the coast on Monday, officials said, and thousands of homes lost power "
    "as the wind brought down lines across the region."
)


def crawl() -> list[dict[str, Any]]:
    pages = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").glob("*/input.txt"))]
    items: list[dict[str, Any]] = []
    for n in range(40):
        site = f"https://site{n % 3}.example"
        text = f"Site {n % 3} menu\nSubscribe to Site {n % 3}\n" + pages[n % len(pages)]
        items.append({"id": f"p{n}", "url": f"{site}/{n}", "text": text})
    items.append({"id": "broken", "url": "https://site0.example/x", "text": 7})
    return items


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with distributed.Client(cluster) as c:
        yield c
    cluster.close()


def test_clean_bag_gives_the_local_records(client: Any) -> None:
    items = crawl()
    local = [c.record() for c in clean_many(items, jobs=1)]
    on_dask = clean_bag(dask_bag.from_sequence(items, npartitions=5)).compute()
    assert on_dask == local
    assert on_dask[-1]["error"] == "field 'text' holds int, not text"


def test_learn_profiles_with_a_reduction_gives_the_local_profiles(client: Any) -> None:
    items = [i for i in crawl() if isinstance(i["text"], str)]
    on_dask = learn_profiles(dask_bag.from_sequence(items, npartitions=4))
    local = learn_locally((i["url"], i["text"]) for i in items)
    assert on_dask.to_json() == local.to_json()
    assert set(on_dask) == {"site0.example", "site1.example", "site2.example"}
    profiled = [c.record() for c in clean_many(items, jobs=1, profiles=local)]
    on_dask_profiled = clean_bag(dask_bag.from_sequence(items, npartitions=3), profiles=on_dask).compute()
    assert on_dask_profiled == profiled
    assert all(r["reasons"].get("site-repeated") for r in profiled)


def test_clean_frame_column(client: Any) -> None:
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    items = [i for i in crawl() if isinstance(i["text"], str)]
    frame = dd.from_pandas(pd.DataFrame(items), npartitions=3)
    out = clean_frame(frame, "text", url_column="url", id_column="id").compute()
    local = [c.record() for c in clean_many(items, jobs=1)]
    assert out["id"].tolist() == [r["id"] for r in local]
    assert out["headline"].tolist() == [r["headline"] for r in local]
    assert out["text"].tolist() == [r["text"] for r in local]


def test_batch_on_the_cluster_writes_the_local_bytes(client: Any, tmp_path: Path) -> None:
    source = tmp_path / "crawl.jsonl"
    source.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in crawl()), encoding="utf-8")
    local, remote = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    expected = run_batch([source], str(local), jobs=2, learn_first=True, progress=False)
    got = run_batch(
        [source],
        str(remote),
        engine="dask",
        scheduler=client.scheduler.address,
        learn_first=True,
        progress=False,
    )
    assert remote.read_bytes() == local.read_bytes()
    assert (
        (got.pages, got.errors, got.labels)
        == (expected.pages, expected.errors, expected.labels)
        == (41, 1, expected.labels)
    )
