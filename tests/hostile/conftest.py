"""Hypothesis settings of the hostile-input tests and shared fixtures.

The ``newsclean-hostile`` profile is always used by these tests (not loaded globally, so other
test packages keep their own settings): a fixed seed (``derandomize``), a bounded example count
and no per-example deadline, so CI runs are reproducible and bounded. ``HOSTILE_EXAMPLES=N`` runs
more examples locally, with random seeds unless ``CI`` is set.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

_EXAMPLES = int(os.environ.get("HOSTILE_EXAMPLES", "0") or 0)

settings.register_profile(
    "newsclean-hostile",
    derandomize=bool(os.environ.get("CI")) or not _EXAMPLES,
    max_examples=_EXAMPLES or 200,
    deadline=None,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)


@pytest.fixture
def secret_file(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    """A local file holding a unique secret: no output may ever contain it."""
    secret = f"NEWSCLEAN-SECRET-{uuid.uuid4().hex}"
    path = tmp_path / "secret.txt"
    path.write_text(secret + "\n", encoding="utf-8")
    yield path, secret
