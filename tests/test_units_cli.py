"""Units through the CLI on both stores: one stored form, a Kodim filled, `--koramil 3` never 13."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from conftest import Run

pytestmark = pytest.mark.both_stores


def test_the_koramil_filter_by_number_matches_that_number_only(run: Run, record: Callable[..., str]) -> None:
    record("--koramil", "Koramil 0727-03/Kebakkramat")
    record("--koramil", "Koramil 13/Buntu Pane", summary="Rapat lain")
    record("--koramil", "Koramil 03/Gatak", summary="Anjangsana")
    three = run.json("list", "--koramil", "3")
    assert sorted(e["koramil"] for e in three) == ["Koramil 03/Gatak", "Koramil 0727-03/Kebakkramat"]
    assert [e["koramil"] for e in run.json("list", "--koramil", "13")] == ["Koramil 13/Buntu Pane"]
    assert len(run.json("list", "--koramil", "Gatak")) == 1
    filled = next(e for e in three if e["koramil"].startswith("Koramil 0727"))
    assert filled["kodim"] == "Kodim 0727"


def test_another_kind_of_unit_is_refused_with_an_example(run: Run, record: Callable[..., str]) -> None:
    result = run("record", "-v", "Kemiri", "-b", "Serda X", "-s", "Komsos", "--koramil", "Kodim 0727")
    assert result.exit_code == 2 and "Koramil 03/Kebakkramat" in result.stderr
    assert run.json("list") == []
