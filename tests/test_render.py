"""The plain-text table primitives (render/text.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from komsos_cli.render.text import cell_width, fit

TEXT = st.text(alphabet=st.sampled_from(list("abc de\u0301f 日本語 ⚑…éX")), max_size=40)


@given(text=TEXT, width=st.integers(1, 30))
def test_fit_fills_exactly_the_width_and_cuts_at_the_longest_start(text: str, width: int) -> None:
    fitted = fit(text, width)
    if cell_width(text) <= width:
        assert fitted == text + " " * (width - cell_width(text))
        return
    assert fitted.rstrip(" ").endswith("…")
    kept = fitted.rstrip(" ")[:-1]
    assert text.startswith(kept)
    assert cell_width(kept) <= width - 1
    # the longest start that fits: one more character would not (spaces at the cut are trimmed)
    longest = max(n for n in range(len(text) + 1) if cell_width(text[:n]) <= width - 1)
    assert kept == text[:longest].rstrip()
    assert cell_width(fitted) == width  # a wide character that does not fit leaves padding, never overflows
