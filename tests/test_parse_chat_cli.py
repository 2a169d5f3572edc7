"""`komsos parse CHAT`: a WhatsApp group export through the command line, on a real store file."""

from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.both_stores

FIXTURES = Path(__file__).parent / "fixtures" / "whatsapp"
ANDROID_ID = FIXTURES / "WhatsApp Chat with Koramil 05 Cibeber.txt"
IPHONE_EN = FIXTURES / "iphone_en_chat.txt"
CORPUS = Path(__file__).parent / "fixtures" / "corpus"
LATER = (
    "20/01/25 09.10 - Serda Nursalim Kemiri: Ijin Dan, melaporkan kegiatan anjangsana ke rumah Bapak Slamet "
    "Ketua RT 02 Desa Kemiri Kec. Cibeber Kab. Cianjur. Situasi aman.\n"
    "20/01/25 09.11 - Serda Nursalim Kemiri: IMG-20250120-WA0001.jpg (file terlampir)\n"
    "20/01/25 09.15 - Kapten Inf Sugeng Danramil: Mantap\n"
)
PHOTOS = {
    "00000012-PHOTO-2025-01-13-09-40-12.jpg": b"\xff\xd8 first photo",
    "00000013-PHOTO-2025-01-13-09-40-13.jpg": b"\xff\xd8 second photo",
    "00000020-PHOTO-2025-01-14-14-31-00.jpg": b"\xff\xd8 irrigation",
}


def chat_zip(folder: Path, name: str = "WhatsApp Chat - Koramil 05 Cibeber.zip") -> Path:
    path = folder / name
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("_chat.txt", IPHONE_EN.read_bytes())
        for photo, data in PHOTOS.items():
            archive.writestr(photo, data)
    path.write_bytes(buffer.getvalue())
    return path


def test_parse_shows_counts_per_sender_and_what_would_be_stored(run: Any, db: Path) -> None:
    result = run("parse", str(ANDROID_ID))
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "Koramil 05 Cibeber: 21 messages read, 4 reports found" in out
    assert "Kapten Inf Sugeng Danramil" in out and "Budi Santoso" in out  # in the table per sender
    for row in ("Serda Nursalim", "Sertu Hari Sunyoto", "Kopda Agus Salim", "Pelda Wiyono"):
        assert row in out
    assert out.count("new") == 4
    assert not db.exists()


def test_parse_speaks_indonesian(run: Any) -> None:
    result = run("parse", str(ANDROID_ID), env={"KOMSOS_LANG": "id"})
    assert "Koramil 05 Cibeber: 21 pesan dibaca, 4 laporan ditemukan" in result.stdout
    assert "Pengirim" in result.stdout and "baru" in result.stdout


def test_parse_json_prints_counts_and_each_report(run: Any) -> None:
    data = run.json("parse", str(ANDROID_ID))
    assert (data["chat"], data["messages"], data["report_count"], data["already_stored"]) == (
        "Koramil 05 Cibeber",
        21,
        4,
        0,
    )
    assert data["senders"][0] == {"sender": "Kopda Agus Salim", "messages": 5, "reports": 1}
    first = data["reports"][0]
    assert first["entry"]["photos"] == [{"name": "IMG-20250113-WA0003.jpg"}, {"name": "IMG-20250113-WA0004.jpg"}]
    assert first["entry"]["source"] == {
        "chat": "Koramil 05 Cibeber",
        "sender": "Serda Nursalim Kemiri",
        "sent_at": "2025-01-13T09:40:00",
    }
    assert first["missing"] == [] and first["stored_as"] is None


def test_record_stores_all_then_a_later_export_adds_only_the_new_report(run: Any, tmp_path: Path) -> None:
    first = run("parse", str(ANDROID_ID), "--record")
    assert first.exit_code == 0, first.stderr
    ids = first.stdout.split()
    assert len(ids) == 4 and "stored 4 new entries" in first.stderr

    later = tmp_path / ANDROID_ID.name
    later.write_text(ANDROID_ID.read_text("utf-8") + LATER, "utf-8")
    preview = run("parse", str(later))
    assert preview.stdout.count("stored as") == 4 and preview.stdout.count("new") == 1
    second = run("parse", str(later), "--record")
    assert second.exit_code == 0, second.stderr
    assert len(second.stdout.split()) == 1
    assert "4 reports already stored; skipped" in second.stderr and "stored 1 new entry" in second.stderr
    assert len(run.json("list")) == 5


def test_a_renamed_export_or_an_edited_entry_is_still_known(run: Any, tmp_path: Path) -> None:
    ids = run("parse", str(ANDROID_ID), "--record").stdout.split()
    renamed = tmp_path / "chat.txt"  # another chat name: each report is known by its date and text
    renamed.write_text(ANDROID_ID.read_text("utf-8"), "utf-8")
    first = run("parse", str(renamed), "--record")
    assert first.stdout == "" and "4 reports already stored" in first.stderr
    assert run("edit", ids[0], "--summary", "Komsos di Kemiri (diringkas)").exit_code == 0
    again = run("parse", str(ANDROID_ID), "--record")  # the edited one is known by its source
    assert again.exit_code == 0 and again.stdout == "" and "4 reports already stored" in again.stderr


def test_a_report_deleted_after_it_was_stored_is_not_stored_again(run: Any) -> None:
    ids = run("parse", str(ANDROID_ID), "--record").stdout.split()
    assert run("delete", ids[1], "--yes").exit_code == 0
    preview = run("parse", str(ANDROID_ID))
    assert f"deleted ({ids[1][:8]})" in preview.stdout
    again = run("parse", str(ANDROID_ID), "--record")
    assert again.exit_code == 0 and again.stdout == ""
    assert "3 reports already stored; skipped" in again.stderr
    assert "1 report was stored once and deleted since; skipped" in again.stderr
    assert len(run.json("list")) == 3


def test_since_reads_only_the_newer_messages(run: Any) -> None:
    data = run.json("parse", str(ANDROID_ID), "--since", "14/01/2025")
    assert data["messages"] == 4 and [r["entry"]["village"] for r in data["reports"]] == ["Cibaregbeg"]


def test_a_zip_stores_photos_with_their_sha256(run: Any, tmp_path: Path) -> None:
    result = run("parse", str(chat_zip(tmp_path)), "--record", "--json")
    assert result.exit_code == 0, result.stderr
    stored = json.loads(result.stdout)
    assert [entry["source"]["chat"] for entry in stored] == ["Koramil 05 Cibeber"] * 2
    detail = run("show", stored[0]["id"]).stdout
    assert "• 00000012-PHOTO-2025-01-13-09-40-12.jpg (sha256 " in detail
    assert "WhatsApp Koramil 05 Cibeber: Serda Nursalim Kemiri, 2025-01-13 09:40:12" in detail
    assert run("edit", stored[0]["id"], "--situation", "waspada").exit_code == 0
    shown = run.json("show", stored[0]["id"])
    assert shown["situation"] == "waspada" and shown["source"] == stored[0]["source"]  # an edit keeps both
    assert shown["photos"] == [
        {"name": name, "sha256": hashlib.sha256(PHOTOS[name]).hexdigest()} for name in list(PHOTOS)[:2]
    ]


def test_a_report_the_record_cannot_complete_stops_everything(run: Any, tmp_path: Path, db: Path) -> None:
    chat = tmp_path / "chat.txt"
    chat.write_text(
        ANDROID_ID.read_text("utf-8")
        + "20/01/25 10.00 - Budi Santoso: Ijin melaporkan kegiatan komsos bersama warga di Desa Kemiri.\n",
        "utf-8",
    )
    result = run("parse", str(chat), "--record")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"komsos: {chat}: the report of Budi Santoso at 2025-01-20 10:00 lacks babinsa; nothing was stored"
    ]
    assert not db.exists() or run.json("list") == []


def test_at_a_terminal_the_missing_babinsa_is_asked(run: Any, tmp_path: Path) -> None:
    chat = tmp_path / "chat.txt"
    chat.write_text(
        "20/01/25 10.00 - Budi Santoso: Ijin melaporkan kegiatan komsos bersama warga di Desa Kemiri.\n"
        "20/01/25 10.01 - Budi Santoso: Siap\n",
        "utf-8",
    )
    result = run("parse", str(chat), "--record", input="Serda Budi Santoso\ny\n", env={"KOMSOS_INTERACTIVE": "1"})
    assert result.exit_code == 0, result.stderr
    (entry,) = run.json("list")
    assert entry["babinsa"] == [{"rank": "Serda", "name": "Budi Santoso"}]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (
            "Situasi aman.\n17/01/25 08.15 - Serda A: siap\n17/01/25 08.16 - Serda B: siap\n",
            "line 1 is not the start of a WhatsApp message (is the export cut?): “Situasi aman.”",
        ),
        (
            "2025-01-17 08:15 - Serda A: siap\n2025-01-17 08:16 - Serda B: siap\n",
            "line 1: cannot read its date and time",
        ),
    ],
)
def test_an_unreadable_chat_fails_with_one_line_naming_the_line(
    run: Any, tmp_path: Path, db: Path, content: str, expected: str
) -> None:
    chat = tmp_path / "chat.txt"
    chat.write_text(content, "utf-8")
    result = run("parse", str(chat), "--record")
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1 and expected in result.stderr
    assert "Traceback" not in result.stderr and not db.exists()


def test_a_chat_is_read_on_its_own_and_since_is_for_chats(run: Any) -> None:
    together = run("parse", str(ANDROID_ID), str(CORPUS / "seed-000.txt"))
    assert together.exit_code == 2 and "read it on its own" in together.stderr
    report = run("parse", str(CORPUS / "seed-000.txt"), "--since", "2025-01-01")
    assert report.exit_code == 2 and "--since applies to a WhatsApp chat export" in report.stderr


def test_a_chat_on_standard_input_is_refused_with_how_to_give_it(run: Any) -> None:
    result = run("parse", "-", input=ANDROID_ID.read_bytes())
    assert result.exit_code == 2 and "standard input holds a WhatsApp chat export" in result.stderr


def test_user_text_in_a_chat_is_never_markup(run: Any, tmp_path: Path) -> None:
    chat = tmp_path / "chat.txt"
    chat.write_text(
        "20/01/25 10.00 - [bold]Serda A[/bold]: Serda Ali melaksanakan komsos bersama warga di Desa [red]X.\n"
        "20/01/25 10.01 - Serda B: siap\n",
        "utf-8",
    )
    result = run("parse", str(chat))
    assert "[bold]Serda A[/bold]" in result.stdout


def test_the_installed_command_reads_a_zip_and_skips_it_the_second_time(tmp_path: Path) -> None:
    binary = Path(sys.executable).parent / "komsos"
    env = {k: v for k, v in os.environ.items() if not k.startswith("KOMSOS_")}
    env.update({"KOMSOS_DB": str(tmp_path / "komsos.json"), "KOMSOS_LANG": "en", "COLUMNS": "160"})
    archive = chat_zip(tmp_path)

    def komsos(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(binary), *args], env=env, capture_output=True, text=True, timeout=60)

    first = komsos("parse", str(archive), "--record")
    assert first.returncode == 0, first.stderr
    assert len(first.stdout.split()) == 2 and "stored 2 new entries" in first.stderr
    again = komsos("parse", str(archive), "--record")
    assert again.returncode == 0 and again.stdout == "" and "2 reports already stored" in again.stderr
    listed = json.loads(komsos("list", "--json").stdout)
    assert sorted(entry["village"] for entry in listed) == ["Cibaregbeg", "Kemiri"]
