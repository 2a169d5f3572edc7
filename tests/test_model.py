"""The entry model: ranks, units, text cleaning, validation and the JSON shape."""

from __future__ import annotations

import unicodedata

import pytest

from komsos_cli.errors import InvalidInput
from komsos_cli.model import (
    FIELDS,
    LIMIT_ONE_LINE,
    RANKS,
    clean_text,
    normalize_unit,
    parse_babinsa,
    validate_entry,
)


def minimal(**extra: object) -> dict[str, object]:
    return {
        "date": "2025-01-17",
        "babinsa": [{"rank": "Kopda", "name": "SY.E Hasibuan"}],
        "village": "Pematang Jaya",
        "summary": "Komsos di kedai kopi",
        **extra,
    }


@pytest.mark.parametrize(
    ("text", "rank", "name"),
    [
        ("Serda Nursalim", "Serda", "Nursalim"),
        ("Kopda SY.E Hasibuan", "Kopda", "SY.E Hasibuan"),
        ("serka M Kliwon", "Serka", "M Kliwon"),
        ("  PELTU   Budi  Santoso ", "Peltu", "Budi Santoso"),
        ("Kapten Cba Suryanto", "Kapten", "Cba Suryanto"),
        ("Serda. Jasem", "Serda", "Jasem"),
    ],
)
def test_babinsa_rank_and_name(text: str, rank: str, name: str) -> None:
    assert parse_babinsa(text) == {"rank": rank, "name": name}


@pytest.mark.parametrize("text", ["Bripka Andi", "Sersan Budi", "Nursalim", "Brigadir Polisi X"])
def test_babinsa_needs_a_tni_ad_rank(text: str) -> None:
    with pytest.raises(InvalidInput, match="TNI AD rank"):
        parse_babinsa(text)


def test_babinsa_needs_a_name() -> None:
    with pytest.raises(InvalidInput, match="no name"):
        parse_babinsa("Serda")


def test_every_rank_from_prada_to_peltu_and_officers() -> None:
    assert RANKS[0] == "Prada"
    assert "Peltu" in RANKS and "Letda" in RANKS and "Kolonel" in RANKS
    for rank in RANKS:
        assert parse_babinsa(f"{rank.lower()} Ahmad")["rank"] == rank


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("Koramil 07 Gatak", "Koramil", "Koramil 07/Gatak"),
        ("Koramil 03/ Kebakkramat", "Koramil", "Koramil 03/Kebakkramat"),
        ("koramil 01/Rengat", "Koramil", "Koramil 01/Rengat"),
        ("13/Buntu Pane", "Koramil", "Koramil 13/Buntu Pane"),
        ("Kodim 0302/Inhu", "Kodim", "Kodim 0302/Inhu"),
        ("0727/Karanganyar", "Kodim", "Kodim 0727/Karanganyar"),
        ("Kodim 0208 - Asahan", "Kodim", "Kodim 0208/Asahan"),
        ("Koramil Gatak", "Koramil", "Koramil Gatak"),
    ],
)
def test_units_are_written_one_way(text: str, unit: str, expected: str) -> None:
    assert normalize_unit(text, unit) == expected


def test_clean_text_strips_controls_and_escapes_and_keeps_newlines_in_free_text() -> None:
    dirty = "Aman\x1b[31m merah\x1b[0m\x07\ttab\r\nbaris dua\x00"
    assert clean_text(dirty, multiline=True) == "Aman merah\ttab\nbaris dua"
    assert clean_text(dirty) == "Aman merah tab baris dua"


def test_clean_text_is_nfc() -> None:
    decomposed = unicodedata.normalize("NFD", "Sulaimān")
    assert clean_text(decomposed) == unicodedata.normalize("NFC", "Sulaimān")


def test_clean_text_refuses_over_long_and_binary() -> None:
    with pytest.raises(InvalidInput, match="too long"):
        clean_text("x" * (LIMIT_ONE_LINE + 1), field="village")
    with pytest.raises(InvalidInput, match="binary"):
        clean_text("\x00\x01\x02\x00\x00PK", field="summary")


def test_markup_is_kept_as_text() -> None:
    assert clean_text("[bold]x[/bold] [link=file:///etc]y[/link]") == "[bold]x[/bold] [link=file:///etc]y[/link]"


def test_validate_gives_every_key_in_documented_order() -> None:
    entry = validate_entry(minimal())
    assert tuple(entry) == FIELDS
    assert entry["kind"] == "komsos"
    assert entry["counterparts"] == [] and entry["topics"] == [] and entry["findings"] == []
    assert entry["follow_up"] is None
    assert entry["created_at"] == entry["updated_at"]
    assert entry["created_at"].endswith("+00:00") and "." in entry["created_at"]


def test_validate_canonicalises() -> None:
    entry = validate_entry(
        minimal(
            kind="Anjangsana",
            situation="AMAN",
            village_kind="kelurahan",
            topics=["Keamanan", "keamanan", "Pilkada"],
            koramil="Koramil 07 Gatak",
            time="8.30",
            follow_up="Cek jalan rusak",
        )
    )
    assert entry["kind"] == "anjangsana"
    assert entry["situation"] == "aman"
    assert entry["village_kind"] == "Kelurahan"
    assert entry["topics"] == ["keamanan", "pilkada"]
    assert entry["koramil"] == "Koramil 07/Gatak"
    assert entry["time"] == "08:30"
    assert entry["follow_up"] == {"action": "Cek jalan rusak", "status": "open"}


@pytest.mark.parametrize(
    ("change", "says"),
    [
        ({"kind": "rapat"}, "kind"),
        ({"situation": "kacau"}, "situation"),
        ({"village_kind": "Kota"}, "village_kind"),
        ({"date": "17/01/2025"}, "date"),
        ({"date": "2024-02-30"}, r"“2024-02-30” is not a real date \(day 30, month 2, year 2024\)"),
        ({"village": ""}, "village"),
        ({"summary": None}, "summary"),
        ({"babinsa": []}, "babinsa"),
        ({"babinsa": [{"rank": "Bripka", "name": "X"}]}, "TNI AD"),
        ({"topics": "keamanan"}, "topics"),
        ({"colour": "red"}, "unknown field"),
        ({"time": "25:00"}, "time"),
        ({"id": "not-a-uuid"}, "UUID"),
        ({"updated_at": "yesterday"}, "updated_at"),
        ({"follow_up": {"status": "open"}}, "follow_up"),
    ],
)
def test_validate_refuses(change: dict[str, object], says: str) -> None:
    with pytest.raises(InvalidInput, match=says):
        validate_entry(minimal(**change))


def test_validate_is_idempotent() -> None:
    once = validate_entry(minimal(topics=["Kesehatan"], follow_up={"action": "x", "status": "done", "note": "ok"}))
    assert validate_entry(once) == once


@pytest.mark.parametrize(
    ("bad", "english", "indonesian"),
    [
        ({"id": "x"}, "id: expected a UUID", "id: seharusnya sebuah UUID"),
        ({"date": 20250117}, "date: expected YYYY-MM-DD", "tanggal: seharusnya TTTT-BB-HH"),
        ({"venue": 3}, "venue: expected text", "tempat: seharusnya teks"),
        ({"topics": "keamanan"}, "topics: expected a list of texts", "topik: seharusnya daftar teks"),
        ({"babinsa": "Serda X"}, "babinsa: expected a list of {rank, name}", "Babinsa: seharusnya daftar {rank, name}"),
    ],
)
def test_type_errors_read_in_the_users_language(
    bad: dict[str, object], english: str, indonesian: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The expected shape was English inside the Indonesian sentence ("seharusnya a list of texts").
    with pytest.raises(InvalidInput) as caught:
        validate_entry(minimal(**bad))
    assert caught.value.message == english
    monkeypatch.setenv("KOMSOS_LANG", "id")
    with pytest.raises(InvalidInput) as caught:
        validate_entry(minimal(**bad))
    assert caught.value.message == indonesian


# --- the fast paths give what the slow ones give ------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

TEXTS = st.lists(
    st.sampled_from([*"ab Z9\n\t\r'`_-.é\u0301\u202e\x1b[\x00\u00a0\u2028", "Desa ", "  "]), max_size=20
).map("".join)


@settings(max_examples=400)
@given(TEXTS, st.booleans())
def test_clean_text_of_clean_text_is_itself_and_the_fast_check_never_lies(value: str, multiline: bool) -> None:
    from komsos_cli import model
    from komsos_cli.errors import InvalidInput

    try:
        cleaned = model.clean_text(value, multiline=multiline)
    except InvalidInput:
        return
    if model._already_clean(value, multiline):
        assert cleaned == value
    assert model.clean_text(cleaned, multiline=multiline) == cleaned


@settings(max_examples=400)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_fold_of_ascii_text_is_the_regular_expressions_result(value: str) -> None:
    from komsos_cli import names

    expected = names._SPACES.sub(" ", names._PUNCT.sub(" ", names._APOSTROPHES.sub("", value.lower()))).strip()
    assert names.fold(value) == expected
