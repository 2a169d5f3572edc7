"""An entry with every field at its empty value, for tests that state only the fields they are about.

Not a valid entry (no Babinsa, no summary): tests of what a store, `merge` or a table does with
whatever it is given spread it and fill what they need: `{**BLANK, "village": "Macanan"}`.
"""

from __future__ import annotations

from komsos_cli.model import Entry

BLANK: Entry = {
    "id": "",
    "date": "2025-01-17",
    "time": None,
    "kind": "komsos",
    "babinsa": [],
    "koramil": None,
    "kodim": None,
    "village": "Kemiri",
    "village_kind": None,
    "hamlet": None,
    "kecamatan": None,
    "kabupaten": None,
    "province": None,
    "venue": None,
    "counterparts": [],
    "topics": [],
    "summary": "",
    "situation": None,
    "findings": [],
    "follow_up": None,
    "place_matched": False,
    "created_at": "2025-01-17T08:00:00.000000+00:00",
    "updated_at": "2025-01-17T08:00:00.000000+00:00",
}
