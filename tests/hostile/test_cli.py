"""The CLI on a bad or hostile file: exit 1 with one clear line on stderr, no traceback unless --debug."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsclean.cli import main


def _files(tmp: Path) -> dict[str, Path]:
    files = {
        "utf16-odd-length": b"\xff\xfe" + "hi".encode("utf-16-le") + b"a",
        "nul-bytes": b"\x00" * 100,
        "empty": b"",
        "invalid-utf8": b"caf\xe9 \x80\x81 end.",
        "deep-html": b"<html><body>" + b"<div>" * 100_000 + b"x" + b"</div>" * 100_000 + b"</body></html>",
        "html": b"<html><body><p>One.</p><p>Two.</p></body></html>",
    }
    out = {}
    for name, data in files.items():
        out[name] = tmp / f"{name}.txt"
        out[name].write_bytes(data)
    out["missing"] = tmp / "missing.txt"
    out["directory"] = tmp
    return out


@pytest.mark.parametrize("name", ["utf16-odd-length", "nul-bytes", "empty", "invalid-utf8", "deep-html",
                                  "html", "missing", "directory"])
@pytest.mark.parametrize("command", ["clean", "explain"])
def test_cli_never_shows_a_traceback(name: str, command: str, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = _files(tmp_path)[name]
    status = main([command, str(path)])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    if status == 0:
        assert err == ""
    else:
        assert status == 1
        assert err.count("\n") == 1 and err.startswith("newsclean: "), err


def test_cli_missing_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["clean", str(tmp_path / "nope.txt")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("newsclean: ") and err.count("\n") == 1


def test_cli_debug_shows_the_error(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        main(["--debug", "clean", str(tmp_path / "nope.txt")])
