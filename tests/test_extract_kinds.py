"""The extractor's activity kinds (extract/kinds.py): what the Babinsa did, not what did not happen."""

from __future__ import annotations

import pytest

from komsos_cli.narrative import entry_values
from komsos_cli.narrative.extract import extract


def test_an_activity_that_did_not_happen_is_not_one() -> None:
    text = (
        "Pada hari Sabtu (20/01/2024) Babinsa Serka Sugianto tidak melaksanakan patroli karena hujan deras, "
        "namun tetap melaksanakan komsos di Desa Krajan. Kegiatan gotong royong yang direncanakan batal."
    )
    found = extract(text)
    assert found.activity_kinds == ["komsos"]
    assert found.fields["kind"] == "komsos"


def test_a_purpose_is_not_an_activity() -> None:
    text = (
        "Babinsa Serka Kliwon melaksanakan Komsos untuk monitoring situasi kamtibmas di Desa Waru, Jumat (13/09/2024)."
    )
    assert extract(text).activity_kinds == ["komsos"]


def test_no_activity_word_leaves_the_kind_open_and_the_entry_says_lainnya() -> None:
    found = extract("Babinsa Serda Budi hadir di Desa Waru, Senin (05/02/2024).")
    assert found.fields["kind"] is None
    assert "kind" in found.missing
    assert entry_values(found)["kind"] == "lainnya"


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        # the usual talk of a Babinsa's duties is not an activity
        (
            "Babinsa Serda Budi melaksanakan komsos di Desa Lubuk. Babinsa yang selalu memantau wilayah tahu masalah.",
            ["komsos"],
        ),
        # a verb in the sentence of what the Babinsa did is one
        ("Babinsa Serka Edwin membantu membersihkan jalan Kampung Pomdori bersama masyarakat.", ["karya-bakti"]),
        ("Babinsa Koramil 05/KK Serda Devi, mengunjungi dapur warga binaannya di Desa Batu.", ["anjangsana"]),
        (
            "Babinsa Serda Agus turut serta dalam komsos sekaligus bergotong royong bersama warga.",
            ["komsos", "karya-bakti"],
        ),
        # a wrapped line does not end the sentence
        (
            "Hal itu yang dilakukan salah satu Babinsa Campa Koramil 1608-02/Bolo Serda Arif\n"
            "pagi tadi, Sabtu (3/2) mengerahkan ratusan masyarakat setempat dan para Siswa\n"
            "SMPN 3 Mada melaksanakan gotong-royong membersihkan jalan.",
            ["karya-bakti"],
        ),
    ],
)
def test_activity_kinds_from_what_the_babinsa_did(text: str, kinds: list[str]) -> None:
    assert extract(text).activity_kinds == kinds
