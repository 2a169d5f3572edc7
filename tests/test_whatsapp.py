"""Reading a Koramil's WhatsApp group export: layouts, system lines, reports, photos, where each came from."""

from __future__ import annotations

import hashlib
import io
import zipfile
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from komsos_cli.errors import InvalidInput
from komsos_cli.model import validate_entry
from komsos_cli.narrative.whatsapp import (
    chat_name,
    is_reply,
    is_report,
    looks_like_chat,
    read_chat,
    read_chat_reports,
    read_chat_text,
    sender_babinsa,
    source_id,
    source_key,
)

FIXTURES = Path(__file__).parent / "fixtures" / "whatsapp"
ANDROID_ID = FIXTURES / "WhatsApp Chat with Koramil 05 Cibeber.txt"
IPHONE_EN = FIXTURES / "iphone_en_chat.txt"
IPHONE_ID = FIXTURES / "iphone_id_chat.txt"
CORPUS = Path(__file__).parent / "fixtures" / "corpus"
LRM = "\u200e"


def reading(path: Path, since: date | None = None):  # type: ignore[no-untyped-def]
    return read_chat_reports(read_chat(path.read_bytes(), str(path)), str(path), since=since)


def by_sender(path: Path) -> dict[str, tuple[int, int]]:
    return {count.sender: (count.messages, count.reports) for count in reading(path).senders}


# --- the layouts --------------------------------------------------------------------------


def test_android_indonesian_export_reads_each_babinsas_report_and_nothing_else() -> None:
    found = reading(ANDROID_ID)
    assert found.chat == "Koramil 05 Cibeber"
    # 21 messages of people: the encryption notice, the group's creation, an add, a leave, a media
    # left out and a deleted message are WhatsApp's lines and not counted
    assert found.messages == 21
    assert by_sender(ANDROID_ID) == {
        "Kopda Agus Salim": (5, 1),
        "Serda Nursalim Kemiri": (5, 1),
        "Sertu Hari Sunyoto": (4, 1),
        "Pelda Wiyono Ramil 05": (2, 1),
        "Kapten Inf Sugeng Danramil": (4, 0),  # an instruction, an empty template and "Mantap"
        "Budi Santoso": (1, 0),  # a question about tomorrow
    }
    rows = [(e.values["date"], e.values["kind"], e.values["babinsa"], e.values["village"]) for e in found.entries]
    assert rows == [
        ("2025-01-13", "komsos", [{"rank": "Serda", "name": "Nursalim"}], "Kemiri"),
        ("2025-01-13", "anjangsana", [{"rank": "Sertu", "name": "Hari Sunyoto"}], "Sukamaju"),
        ("2025-01-13", "patroli", [{"rank": "Kopda", "name": "Agus Salim"}], "Mekarsari"),
        ("2025-01-14", "karya-bakti", [{"rank": "Pelda", "name": "Wiyono"}], "Cibaregbeg"),
    ]
    assert all(not entry.missing for entry in found.entries)


def test_photos_sent_with_a_report_are_listed_by_name() -> None:
    photos = [entry.values.get("photos") for entry in reading(ANDROID_ID).entries]
    assert photos[0] == [{"name": "IMG-20250113-WA0003.jpg"}, {"name": "IMG-20250113-WA0004.jpg"}]
    assert photos[1] == [{"name": "IMG-20250113-WA0010.jpg"}]


def test_a_report_sent_in_several_messages_is_one_report_with_its_situation() -> None:
    agus = reading(ANDROID_ID).entries[2]
    assert len(agus.report.messages) == 4  # three texts and a photo, 11.30 to 11.33
    summary = agus.values["summary"]
    assert summary.startswith("Ijin melaporkan, Kopda Agus Salim Babinsa Desa Mekarsari\nmelaksanakan patroli")
    assert summary.endswith("sit aman")
    assert agus.values["situation"] == "aman"
    assert "86" not in summary  # his reply that morning is not part of it


def test_a_message_over_several_lines_is_one_message() -> None:
    nursalim = reading(ANDROID_ID).entries[0]
    assert nursalim.values["summary"].count("\n") == 2
    assert "keamanan" in nursalim.values["topics"]  # "Materi kamtibmas" is on the second line


def test_the_message_time_fills_the_date_and_time_the_text_does_not_give() -> None:
    first = reading(ANDROID_ID).entries[0]
    assert (first.values["date"], first.values["time"]) == ("2025-01-13", "09:40")


def test_a_date_in_the_text_wins_over_the_message_time() -> None:
    joko = reading(IPHONE_ID).entries[0]
    assert (joko.values["date"], joko.values["time"]) == ("2025-01-16", "19:30")
    assert joko.report.sent_at == datetime(2025, 1, 17, 8, 15, 22)


def test_a_text_date_without_a_time_does_not_take_the_message_time() -> None:
    text = (
        "[17/01/25 08.15.22] Serka Joko: Kamis (16/01/2025) Serka Joko melaksanakan komsos bersama warga "
        "Desa Sindangsari.\n[17/01/25 08.16.00] Letda Rudi: Mantap\n"
    )
    entry = read_chat_reports(read_chat_text(text, "Koramil"), "x").entries[0]
    assert entry.values["date"] == "2025-01-16" and entry.values.get("time") is None


def test_iphone_english_month_first_with_am_pm_and_marks() -> None:
    found = reading(IPHONE_EN)
    assert found.messages == 8
    nursalim, wiyono = found.entries
    assert nursalim.report.sent_at == datetime(2025, 1, 13, 9, 40, 12)
    assert nursalim.values["photos"] == [
        {"name": "00000012-PHOTO-2025-01-13-09-40-12.jpg"},
        {"name": "00000013-PHOTO-2025-01-13-09-40-13.jpg"},
    ]
    assert (wiyono.values["date"], wiyono.values["time"]) == ("2025-01-14", "14:30")


def test_iphone_indonesian_attachment_lines_are_photos() -> None:
    joko = reading(IPHONE_ID).entries[0]
    assert joko.values["photos"] == [{"name": "00000031-PHOTO-2025-01-17-08-15-40.jpg"}]
    assert joko.values["babinsa"] == [{"rank": "Serka", "name": "Joko Widodo"}]


def test_android_english_month_first_export() -> None:
    text = (
        "1/17/25, 7:00 AM - Messages and calls are end-to-end encrypted. No one outside of this chat can read them.\n"
        "1/17/25, 7:01 AM - Serda Nursalim joined using this group's invite link\n"
        "1/17/25, 8:15 PM - Serda Nursalim: IMG-20250117-WA0003.jpg (file attached)\n"
        "1/17/25, 8:16 PM - Serda Nursalim: Serda Nursalim melaksanakan patroli malam bersama Linmas di "
        "Desa Kemiri Kec. Cibeber. Situasi aman.\n"
        "1/17/25, 8:20 PM - Kapten Sugeng: <Media omitted>\n"
        "1/17/25, 8:21 PM - Kapten Sugeng: This message was deleted\n"
        '1/17/25, 8:22 PM - Kapten Sugeng changed the subject from "Koramil" to "Koramil 05: Cibeber"\n'
    )
    chat = read_chat_text(text, "Koramil 05")
    assert not chat.day_first and chat.system_lines == 5
    entry = read_chat_reports(chat, "x").entries[0]
    assert (entry.values["date"], entry.values["time"]) == ("2025-01-17", "20:15")
    assert entry.values["photos"] == [{"name": "IMG-20250117-WA0003.jpg"}]


@pytest.mark.parametrize(
    ("stamps", "day_first"),
    [
        (["05/01/25 08.00", "06/01/25 08.00", "01/02/25 08.00"], True),  # the chat runs forward only day first
        (["01/05/25, 8:00 AM", "01/06/25, 8:00 AM", "02/01/25, 8:00 AM"], False),  # ... only month first
        (["01/02/25 08.00", "13/02/25 08.00"], True),  # a 13 decides
        (["02/01/25, 8:00 AM", "02/13/25, 8:00 AM"], False),
        (["01/02/25 08.00", "02/02/25 08.00"], True),  # undecided: Indonesian phones write day first
        (["01/02/25, 8:00 AM", "02/02/25, 8:00 AM"], False),  # undecided, but AM/PM: month first
    ],
)
def test_day_and_month_order_is_decided_from_the_whole_file(stamps: list[str], day_first: bool) -> None:
    text = "".join(f"{stamp} - Serda A: siap\n" for stamp in stamps)
    assert read_chat_text(text, "x").day_first is day_first


def test_zero_width_and_bidi_marks_at_line_start_are_ignored() -> None:
    text = f"{LRM}17/01/25 08.15 - Serda A: siap\n\u202b17/01/25 08.16 - \u2068Serda B\u2069: siap\n\ufeff\u200bteks\n"
    chat = read_chat_text(text, "x")
    assert [m.sender for m in chat.messages] == ["Serda A", "Serda B"]
    assert chat.messages[1].text == "siap\nteks"


# --- what is a report -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["Siap", "Siap Dan 🙏", "Mohon izin", "86", "Mantap", "Siap laksanakan", "Terima kasih Dan", "👍"]
)
def test_chatter_is_a_reply(text: str) -> None:
    assert is_reply(text) and not is_report(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kepada seluruh Babinsa agar laksanakan komsos di desa binaan dan laporkan hasilnya.",
        "Format laporan:\nHari/Tgl:\nTempat:\nKegiatan:\nHasil:",
        "Hari/Tgl: ...\nTempat: -\nKegiatan: \nHasil: ___",
        "Pak, besok kerja bakti di desa jam berapa?",
        "Selamat pagi rekan-rekan, semangat!",
    ],
)
def test_instructions_empty_templates_questions_and_greetings_are_not_reports(text: str) -> None:
    assert not is_report(text)


@pytest.mark.parametrize(
    "text",
    [
        "Hari/Tgl: Senin, 13 Januari 2025\nTempat: Balai Desa Sukamaju\nKegiatan: Anjangsana\nHasil: aman",
        "Ijin Dan, melaporkan kegiatan komsos dengan Bapak Karto di Desa Kemiri",
        "Serda Budi melaksanakan patroli bersama Linmas di Dusun 2",
        "Izin lapor, hari ini melaksanakan karya bakti bersama warga. Babinsa menghimbau warga agar "
        "menjaga kebersihan dan diharapkan hadir besok.",
    ],
)
def test_what_a_babinsa_did_is_a_report(text: str) -> None:
    assert is_report(text)


def test_an_officer_writing_of_an_activity_without_naming_a_babinsa_is_not_reporting() -> None:
    text = (
        "04/02/25 14.00 - Kapten Inf Wayan Sudarma: Mantap. Terus tingkatkan komsos dengan warga di desa binaan.\n"
        "04/02/25 15.00 - Kapten Inf Wayan Sudarma: Meneruskan laporan: Serda Komang melaksanakan komsos "
        "bersama warga di Desa Pegayaman.\n"
    )
    (forwarded,) = read_chat_reports(read_chat_text(text, "x"), "x").entries
    assert forwarded.values["babinsa"] == [{"rank": "Serda", "name": "Komang"}]


def test_a_held_out_chat_of_another_koramil() -> None:
    """Written after the rules, in another Koramil's manner (Bali: Banjar Dinas, `Ndan`, `Lapor`)."""
    found = reading(FIXTURES / "WhatsApp Chat with Babinsa Ramil 1609-02 Sukasada.txt")
    assert found.messages == 28
    assert [(entry.report.sender, entry.values["village"]) for entry in found.entries] == [
        ("Serka Made Suardana", "Panji"),
        ("Kopda Gede Wirawan", "Pancasari"),
        ("Sertu Ketut Arsana", "Gitgit"),
        ("Pratu Putu Eka", "Wanagiri"),
        ("Serda Komang Ariawan", "Pegayaman"),
    ]


def test_a_second_whole_report_minutes_later_is_its_own_report() -> None:
    text = (
        "20/01/25 09.00 - Serda A: Serda A melaksanakan komsos dengan warga Desa Kemiri.\n"
        "20/01/25 09.02 - Serda A: Serda A melaksanakan patroli bersama Linmas di Desa Sukamaju.\n"
    )
    assert len(read_chat_reports(read_chat_text(text, "x"), "x").entries) == 2


def test_photos_alone_are_not_a_report() -> None:
    text = "20/01/25 09.00 - Serda A: IMG-1.jpg (file terlampir)\n20/01/25 09.01 - Serda A: Siap\n"
    found = read_chat_reports(read_chat_text(text, "x"), "x")
    assert found.messages == 2 and found.entries == []


# --- who sent it -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sender", "village", "expected"),
    [
        ("Serda Nursalim Kemiri", "Kemiri", {"rank": "Serda", "name": "Nursalim"}),
        ("Serda Nursalim Kemiri", None, {"rank": "Serda", "name": "Nursalim Kemiri"}),
        ("Serda Nursalim Kemiri", ["Sukamaju", "Kemiri"], {"rank": "Serda", "name": "Nursalim"}),
        ("Sertu Hari Sunyoto", "Sukamaju", {"rank": "Sertu", "name": "Hari Sunyoto"}),
        ("Babinsa Kopda Agus Ds Mekarsari", None, {"rank": "Kopda", "name": "Agus"}),
        ("Pelda Wiyono Ramil 05", None, {"rank": "Pelda", "name": "Wiyono"}),
        ("Kapten Inf Sugeng Danramil", None, {"rank": "Kapten", "name": "Sugeng"}),
        ("Budi Santoso", None, None),
        ("+62 812-3456-7890", None, None),
        ("Serda", None, None),
    ],
)
def test_the_sender_gives_rank_and_name(sender: str, village: str | list[str] | None, expected: object) -> None:
    assert sender_babinsa(sender, village) == expected


def test_the_village_in_a_contact_name_is_known_from_the_senders_other_reports() -> None:
    text = (
        "20/01/25 09.00 - Serda Nursalim Kemiri: Ijin melaporkan kegiatan komsos bersama warga di Desa Kemiri.\n"
        "21/01/25 09.00 - Serda Nursalim Kemiri: Ijin melaporkan kegiatan patroli bersama Linmas di pos kamling.\n"
    )
    first, second = read_chat_reports(read_chat_text(text, "x"), "x").entries
    assert second.values.get("village") is None
    assert first.values["babinsa"] == second.values["babinsa"] == [{"rank": "Serda", "name": "Nursalim"}]


def test_a_sender_without_rank_leaves_the_babinsa_to_the_text_or_to_ask() -> None:
    text = (
        "20/01/25 09.00 - Budi Santoso: Ijin melaporkan kegiatan komsos bersama warga di Desa Kemiri.\n"
        "20/01/25 10.00 - +62 812-3456-7890: Ijin melaporkan, Sertu Hari melaksanakan anjangsana ke rumah "
        "Bapak Karto Desa Sukamaju.\n"
    )
    budi, phone = read_chat_reports(read_chat_text(text, "x"), "x").entries
    assert budi.missing == ["babinsa"] and "babinsa" not in budi.values
    assert phone.values["babinsa"] == [{"rank": "Sertu", "name": "Hari"}] and phone.missing == []


# --- where it came from ---------------------------------------------------------------------


def test_each_report_remembers_its_chat_sender_and_time_and_validates() -> None:
    entry = reading(ANDROID_ID).entries[0]
    source = {"chat": "Koramil 05 Cibeber", "sender": "Serda Nursalim Kemiri", "sent_at": "2025-01-13T09:40:00"}
    assert entry.values["source"] == source
    assert entry.values["id"] == source_id(source)
    stored = validate_entry(entry.values)
    assert stored["source"] == source and stored["photos"] == entry.values["photos"]


def test_the_same_report_has_the_same_key_from_either_phone() -> None:
    android = {"chat": "Koramil 05", "sender": "Serda A", "sent_at": "2025-01-13T09:40:00"}
    iphone = {"chat": "koramil 05", "sender": "Serda A", "sent_at": "2025-01-13T09:40:12"}
    assert source_key(android) == source_key(iphone)
    assert source_id(android) == source_id(iphone)
    assert source_key({**android, "sender": "Serda B"}) != source_key(android)


def test_since_reads_only_newer_messages() -> None:
    found = reading(ANDROID_ID, since=date(2025, 1, 14))
    assert found.messages == 4
    assert [entry.values["village"] for entry in found.entries] == ["Cibaregbeg"]


@pytest.mark.parametrize(
    ("file", "name"),
    [
        ("WhatsApp Chat with Koramil 05 Cibeber.txt", "Koramil 05 Cibeber"),
        ("Chat WhatsApp dengan Koramil 05 Cibeber.txt", "Koramil 05 Cibeber"),
        ("/tmp/WhatsApp Chat - Koramil 05 Cibeber.zip", "Koramil 05 Cibeber"),
        ("grup.txt", "grup"),
    ],
)
def test_the_chat_is_named_from_its_file(file: str, name: str) -> None:
    assert chat_name(file) == name


# --- a zip with photos --------------------------------------------------------------------------


def zipped(chat_text: str, photos: dict[str, bytes], inner: str = "_chat.txt") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(inner, chat_text.encode("utf-8"))
        for name, data in photos.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_a_zip_gives_each_photo_its_sha256() -> None:
    photos = {
        "00000012-PHOTO-2025-01-13-09-40-12.jpg": b"\xff\xd8 first photo",
        "00000013-PHOTO-2025-01-13-09-40-13.jpg": b"\xff\xd8 second photo",
        "00000099-PHOTO-2025-01-20-10-00-00.jpg": b"\xff\xd8 a photo of another day",
    }
    data = zipped(IPHONE_EN.read_text("utf-8"), photos)
    chat = read_chat(data, "WhatsApp Chat - Koramil 05 Cibeber.zip")
    assert chat.name == "Koramil 05 Cibeber"
    entry = read_chat_reports(chat, "x").entries[0]
    assert entry.values["photos"] == [
        {"name": name, "sha256": hashlib.sha256(photos[name]).hexdigest()} for name in list(photos)[:2]
    ]
    wiyono = read_chat_reports(chat, "x").entries[1]
    assert wiyono.values["photos"] == [{"name": "00000020-PHOTO-2025-01-14-14-31-00.jpg"}]  # not in the zip


def test_an_android_zip_is_named_by_its_chat_file() -> None:
    data = zipped(ANDROID_ID.read_text("utf-8"), {}, inner="WhatsApp Chat with Koramil 05 Cibeber.txt")
    assert read_chat(data, "export.zip").name == "Koramil 05 Cibeber"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (zipped("17/01/25 08.15 - Serda A: siap\n", {}, inner="notes.md"), "no WhatsApp chat"),
        (zipped("x", {})[:30], "not a readable zip"),
    ],
)
def test_a_zip_without_a_chat_is_refused(data: bytes, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        read_chat(data, "export.zip")


# --- what cannot be read -----------------------------------------------------------------------


def test_an_export_cut_at_the_start_names_its_first_line() -> None:
    text = "aman dan kondusif.\n17/01/25 08.15 - Serda A: siap\n17/01/25 08.16 - Serda B: siap\n"
    with pytest.raises(InvalidInput, match=r"line 1 is not the start of a WhatsApp message.*“aman dan kondusif.”"):
        read_chat_text(text, "x", "chat.txt")


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("2025-01-17 08:15 - Serda A: siap\n2025-01-17 08:16 - Serda B: siap\n", 1),  # year first
        ("17/01/25 08.15 - Serda A: siap\n17/01/25 25.61 - Serda B: siap\n", 2),  # no such time
        ("17/01/25 08.15 - Serda A: siap\n13/13/25 08.16 - Serda B: siap\n", 2),  # neither order
        ("17/01/25 08.15 - Serda A: siap\n17/01/25 08.1] Serda B: siap\n", 2),  # cut in its stamp
    ],
)
def test_an_unknown_date_layout_names_the_first_line_it_cannot_read(text: str, line: int) -> None:
    with pytest.raises(InvalidInput, match=rf"chat.txt: line {line}: cannot read its date and time"):
        read_chat_text(text, "x", "chat.txt")


def test_a_report_is_not_taken_for_a_chat() -> None:
    for path in sorted(CORPUS.rglob("*.txt")):
        assert not looks_like_chat(path.read_text("utf-8")), path.name
    for path in (ANDROID_ID, IPHONE_EN, IPHONE_ID):
        assert looks_like_chat(path.read_text("utf-8")), path.name


# --- the entry's photos and source (model.EXTRA_FIELDS) ------------------------------------------

BASE = {"date": "2025-01-13", "babinsa": ["Serda Nursalim"], "village": "Kemiri", "summary": "Komsos"}
DIGEST = hashlib.sha256(b"photo").hexdigest()


def test_an_entry_without_photos_or_source_has_neither_key() -> None:
    entry = validate_entry(BASE)
    assert "photos" not in entry and "source" not in entry


def test_photos_and_source_are_validated_and_kept() -> None:
    entry = validate_entry(
        {
            **BASE,
            "photos": ["IMG-1.jpg", {"name": "IMG-2.jpg", "sha256": DIGEST.upper()}, "IMG-1.jpg"],
            "source": {"chat": "Koramil 05", "sender": "Serda Nursalim", "sent_at": "2025-01-13T09:40:00"},
        }
    )
    assert entry["photos"] == [{"name": "IMG-1.jpg"}, {"name": "IMG-2.jpg", "sha256": DIGEST}]
    assert entry["source"]["sent_at"] == "2025-01-13T09:40:00"


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"photos": "IMG-1.jpg"}, "photos"),
        ({"photos": [{"name": "IMG-1.jpg", "sha256": "abc"}]}, "photos.sha256"),
        ({"photos": [{"name": "IMG-1.jpg", "size": 3}]}, "photos"),
        ({"source": {"chat": "K", "sender": "S"}}, "source"),
        ({"source": {"chat": "K", "sender": "S", "sent_at": "kemarin"}}, "source.sent_at"),
        ({"source": {"chat": "K", "sender": "S", "sent_at": "2025-01-13T09:40", "key": 1}}, "source"),
    ],
)
def test_bad_photos_or_source_are_refused(extra: dict[str, object], message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        validate_entry({**BASE, **extra})


def test_json_export_and_import_keep_photos_and_source_csv_leaves_them_out() -> None:
    from komsos_cli.exchange import entry_from_row, export_entries
    from komsos_cli.formats import get

    entry = validate_entry(
        {
            **BASE,
            "photos": [{"name": "IMG-2.jpg", "sha256": DIGEST}],
            "source": {"chat": "Koramil 05", "sender": "Serda Nursalim", "sent_at": "2025-01-13T09:40:00"},
        }
    )
    for name in ("json", "jsonl"):
        fmt = get(name)
        (row,) = fmt.read(export_entries([entry], fmt))
        assert entry_from_row(fmt, row.values) == entry
    csv = get("csv")
    (row,) = csv.read(export_entries([entry], csv))
    back = entry_from_row(csv, row.values)
    assert "photos" not in back and "source" not in back
    assert {k: v for k, v in entry.items() if k not in ("photos", "source")} == back


# --- any chat, in any of the layouts, reads back ------------------------------------------------

LAYOUTS: dict[str, Callable[[datetime], str]] = {
    "android-id": lambda at: f"{at:%d/%m/%y %H.%M} - ",
    "android-uk": lambda at: f"{at:%d/%m/%Y}, {at:%H:%M} - ",
    "android-us": lambda at: f"{at.month}/{at.day}/{at:%y}, {at.hour % 12 or 12}:{at:%M} {at:%p} - ",
    "iphone-id": lambda at: f"[{at:%d/%m/%y %H.%M.%S}] ",
    "iphone-us": lambda at: f"[{at.month}/{at.day}/{at:%y}, {at.hour % 12 or 12}:{at:%M:%S}\u202f{at:%p}] ",
}
WORDS = st.sampled_from(["komsos", "warga", "Desa", "Kemiri", "aman", "Bapak", "Karto", "pukul", "09.00", "di"])
MESSAGES = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=60 * 24 * 90),  # minutes after the first message
        st.sampled_from(["Serda Nursalim", "Sertu Hari Sunyoto", "Kopda Agus", "+62 812-3456-7890"]),
        st.lists(st.lists(WORDS, min_size=1, max_size=8).map(" ".join), min_size=1, max_size=3).map("\n".join),
        st.lists(st.integers(min_value=1, max_value=999), max_size=2),
    ),
    min_size=1,
    max_size=25,
)


@settings(max_examples=150, deadline=None)
@given(
    layout=st.sampled_from(sorted(LAYOUTS)),
    messages=MESSAGES,
    start=st.datetimes(datetime(2015, 1, 1), datetime(2030, 1, 1)),
)
def test_any_chat_in_any_layout_reads_back_message_by_message(
    layout: str, messages: list[tuple[int, str, str, list[int]]], start: datetime
) -> None:
    stamp = LAYOUTS[layout]
    seconds = layout.startswith("iphone")
    start = start.replace(microsecond=0) if seconds else start.replace(second=0, microsecond=0)
    written = []
    lines = []
    for offset, sender, text, photos in sorted(messages, key=lambda item: item[0]):
        at = start + timedelta(minutes=offset)
        files = [f"IMG-{at:%Y%m%d}-WA{number:04d}.jpg" for number in photos]
        for name in files:
            attached = f"<attached: {name}>" if seconds else f"{name} (file attached)"
            lines.append(f"{stamp(at)}{sender}: {LRM}{attached}")
        lines.append(f"{stamp(at)}{sender}: {text}")
        written += [(at, sender, "", [name]) for name in files] + [(at, sender, text, [])]
    chat = read_chat_text("\n".join(lines) + "\n", "x")
    assert [(m.sent_at, m.sender, m.text, m.files) for m in chat.messages] == written
