"""User text made harmless in one place: stored, in a table, in a message on stderr."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from komsos_cli.model import clean_text
from komsos_cli.render import message
from komsos_cli.store.files import replace_file, replacing
from komsos_cli.text import flat, strip_unsafe, visible

HOSTILE = "Kemiri\x1b[2J\x1b]0;judul\x07\u202eraw\u200e\x00 ok"


def test_stored_text_loses_escapes_and_controls() -> None:
    assert strip_unsafe(HOSTILE) == "Kemiri raw   ok"  # each a space; clean_text makes them one
    assert clean_text(HOSTILE) == "Kemiri raw ok"
    assert clean_text("baris satu\r\n\tbaris\u2028dua\x1b[31m", multiline=True) == "baris satu\n\tbarisdua"


def test_a_table_cell_is_one_line_of_harmless_characters() -> None:
    assert flat("Sei\nSilau\u202e  Tua\x1b") == "Sei Silau Tua"
    assert flat(None) == "" and flat("Kemiri") == "Kemiri"


def test_a_message_shows_what_it_would_have_sent() -> None:
    assert visible(HOSTILE) == "Kemiri\\x1b[2J\\x1b]0;judul\\x07\\u202eraw\\u200e\\x00 ok"
    assert visible("Desa Kemiri, Kecamatan Kebakkramat") == "Desa Kemiri, Kecamatan Kebakkramat"
    assert visible("Dusun Krajan \u00e9") == "Dusun Krajan \u00e9"


def test_render_message_is_the_one_way_to_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    message(f"komsos: cannot read {HOSTILE!s}\nsecond line")
    message("question: ", end="")
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        "komsos: cannot read Kemiri\\x1b[2J\\x1b]0;judul\\x07\\u202eraw\\u200e\\x00 ok\nsecond line\nquestion: "
    )


def test_the_atomic_writer_replaces_or_refuses_and_leaves_no_temp_file(tmp_path: Path) -> None:
    path = tmp_path / "laporan.csv"
    replace_file(path, b"satu")
    assert path.read_bytes() == b"satu" and (path.stat().st_mode & 0o777) == 0o600
    with pytest.raises(FileExistsError):
        replace_file(path, [b"dua"], exclusive=True)
    assert path.read_bytes() == b"satu"
    replace_file(path, [b"ti", b"ga"])
    assert path.read_bytes() == b"tiga"
    with pytest.raises(RuntimeError), replacing(path) as temp:
        temp.write_bytes(b"half")
        raise RuntimeError("killed midway")
    assert path.read_bytes() == b"tiga"
    assert sorted(os.listdir(tmp_path)) == ["laporan.csv"]


def test_the_atomic_writer_fills_a_file_by_its_path(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "places.sqlite"
    with replacing(path, prefix=".places-") as temp:
        connection = sqlite3.connect(temp)
        connection.execute("CREATE TABLE village (name TEXT)")
        connection.commit()
        connection.close()
    assert sqlite3.connect(path).execute("SELECT count(*) FROM village").fetchone() == (0,)
    assert sorted(os.listdir(tmp_path)) == ["places.sqlite"]
