"""The extractor's dateline (extract/dateline.py) and the kabupaten it names."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from komsos_cli.narrative import parse_text
from komsos_cli.narrative.extract import dateline_place

CORPUS = Path(__file__).parent / "fixtures" / "corpus"


def test_dateline_places() -> None:
    assert dateline_place("Asahan | Kegiatan interaksi") == "Asahan"
    assert dateline_place("Sukoharjo (16/01/23) Babinsa") == "Sukoharjo"
    assert dateline_place("Suaralira.com, Rengat - Disaat melakukan") == "Rengat"
    assert dateline_place("Karanganyar,Kabarjoglo.com – Jajaran") == "Karanganyar"
    assert dateline_place("Babinsa melaksanakan komsos") is None


def test_the_gazetteer_checks_the_place_and_fills_a_kabupaten_only_from_the_dateline() -> None:
    text = (CORPUS / "variants" / "sukoharjo-batal.txt").read_text("utf-8")
    alone = parse_text(text, gazetteer=False)
    assert alone.fields["kabupaten"] is None and not alone.place_matched
    checked = parse_text(text)
    assert checked.fields["kabupaten"] == "Sukoharjo"
    assert checked.place_matched


@pytest.mark.parametrize(
    ("line", "place"),
    [
        ("NGAWI (KR) - Selasa (10/09/2019) anggota Koramil", "Ngawi"),
        ("Bondowoso, MN Cakrawala – Dalam upaya", "Bondowoso"),
        ("LANGKAT,LENSABERITA.COM – Babinsa", "Langkat"),
        ("JOMBANG, - Bintara Pembina Desa", "Jombang"),
    ],
)
def test_more_datelines(line: str, place: str) -> None:
    assert dateline_place(line) == place


def test_the_dateline_kabupaten_in_the_gazetteers_spelling() -> None:
    text = "Abdya- Babinsa Desa Baru Kopda Ismail mendampingi petani di Desa Baru Kecamatan Jeumpa, (12/7/2021)."
    assert parse_text(text, today=date(2026, 1, 1)).fields["kabupaten"] == "Aceh Barat Daya"
