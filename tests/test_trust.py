"""Signed exports (docs/trust.md), through the installed `komsos` as people run it: a Babinsa, a
Danramil and a Dandim, each with an app folder of their own (KOMSOS_HOME) and real files."""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shlex
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from komsos_cli import trust
from komsos_cli.errors import InvalidInput, Untrusted
from komsos_cli.model import ReceivedFrom, in_field_order, validate_entry

BIN = Path(sys.executable).parent / "komsos"
FORMATS = ("csv", "xlsx", "json", "jsonl")
KEY_LINE = re.compile(r"^komsos-ed25519 ([A-Za-z0-9+/]{43}=) (.+)$")
UNTRUSTED = 6


def komsos(
    *args: str, home: Path, db: Any, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("KOMSOS_")}
    environ.update({"KOMSOS_HOME": str(home), "KOMSOS_DB": str(db), "KOMSOS_LANG": "en", "COLUMNS": "160"})
    environ.update(env or {})
    return subprocess.run(
        [str(BIN), *args],
        env=environ,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=cwd,
    )


def ok(result: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    return result


def refused(result: subprocess.CompletedProcess[str], code: int = UNTRUSTED) -> str:
    """The one line a refusal prints (and its exit code checked)."""
    assert result.returncode == code, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    return result.stderr


class Person:
    """Someone in the chain: an app folder and a store of their own."""

    def __init__(self, home: Path, db: Any) -> None:
        self.home = home
        self.db = db

    def __call__(self, *args: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
        return komsos(*args, home=self.home, db=self.db, **kwargs)

    def key_line(self) -> str:
        return ok(self("keys", "show")).stdout.strip()


def babinsa_with_reports(tmp_path: Path) -> Person:
    """Serda Nursalim, Desa Kemiri: two reports and a key."""
    person = Person(tmp_path / "nursalim", tmp_path / "nursalim.json")
    for day, summary in (("31/01/2019", "Komsos bersama Sekdes Kemiri menjelang Pilkades"), ("02/02/2019", "Patroli")):
        ok(
            person(
                "record",
                "-b",
                "Serda Nursalim",
                "-v",
                "Kemiri",
                "--kecamatan",
                "Kebakkramat",
                "--kabupaten",
                "Karanganyar",
                "--date",
                day,
                "-s",
                summary,
            )
        )
    ok(person("keys", "init", "--name", "Serda Nursalim"))
    return person


def receiver(tmp_path: Path, db: Any, name: str = "danramil") -> Person:
    """A commander whose store (`db`: a file, or a hub) already holds a report of his own."""
    person = Person(tmp_path / name, db)
    ok(
        person(
            "record",
            "-b",
            "Kapten Sugiyono",
            "-v",
            "Kemiri",
            "--kecamatan",
            "Kebakkramat",
            "--kabupaten",
            "Karanganyar",
            "-s",
            "Apel",
        )
    )
    return person


def flip(path: Path, at: int | None = None) -> None:
    data = bytearray(path.read_bytes())
    index = len(data) // 2 if at is None else at
    data[index] ^= 0x01
    path.write_bytes(bytes(data))


# --- keys ------------------------------------------------------------------------------------------


def test_keys_init_makes_a_key_its_owner_alone_reads_and_never_replaces_it(tmp_path: Path) -> None:
    me = Person(tmp_path / "home", tmp_path / "komsos.json")
    made = ok(me("keys", "init", "--name", "Serda Nursalim"))
    match = KEY_LINE.match(made.stdout.strip())
    assert match and match.group(2) == "Serda Nursalim"
    raw = base64.b64decode(match.group(1))
    digest = hashlib.sha256(raw).hexdigest()[:16]
    fingerprint = " ".join(digest[i : i + 4] for i in range(0, 16, 4))
    assert fingerprint in made.stderr
    private = me.home / "keys" / "signing-key.pem"
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert stat.S_IMODE((me.home / "keys").stat().st_mode) == 0o700
    assert stat.S_IMODE(me.home.stat().st_mode) == 0o700
    before = private.read_bytes()
    assert b"ENCRYPTED" not in before

    again = me("keys", "init", "--name", "Serda Lain")
    assert "already" in refused(again, 2)
    assert private.read_bytes() == before
    shown = ok(me("keys", "show"))
    assert shown.stdout.strip() == made.stdout.strip()
    assert fingerprint in shown.stderr
    assert json.loads(ok(me("keys", "show", "--json")).stdout)["fingerprint"] == fingerprint


def test_keys_init_takes_the_name_from_the_profile_and_refuses_without_one(tmp_path: Path) -> None:
    me = Person(tmp_path / "home", tmp_path / "komsos.json")
    assert "--name" in refused(me("keys", "init"), 2)
    ok(me("profile", "set", "-b", "Serda Jasem"))
    assert ok(me("keys", "init")).stdout.strip().endswith(" Serda Jasem")


def test_a_key_with_a_passphrase_signs_only_with_it(tmp_path: Path) -> None:
    (tmp_path / "plain").mkdir()
    me = babinsa_with_reports(tmp_path / "plain")  # a store with reports; this test's key is another
    me = Person(tmp_path / "guarded", me.db)
    secret = {"KOMSOS_PASSPHRASE": "kemiri-2019"}
    assert "KOMSOS_PASSPHRASE" in refused(me("keys", "init", "--name", "Serda Nursalim", "--passphrase"), 2)
    ok(me("keys", "init", "--name", "Serda Nursalim", "--passphrase", env=secret))
    assert b"ENCRYPTED" in (me.home / "keys" / "signing-key.pem").read_bytes()
    out = tmp_path / "laporan.csv"
    assert "passphrase" in refused(me("export", "-o", str(out)), 2)
    assert "wrong passphrase" in refused(me("export", "-o", str(out), env={"KOMSOS_PASSPHRASE": "salah"}), 2)
    assert not out.exists() and not Path(f"{out}.sig").exists()
    ok(me("export", "-o", str(out), env=secret))
    assert json.loads(Path(f"{out}.sig").read_text("utf-8"))["signer"] == "Serda Nursalim"


def test_keys_trust_list_and_forget_keep_a_keyring(tmp_path: Path) -> None:
    babinsa = babinsa_with_reports(tmp_path)
    commander = Person(tmp_path / "danramil", tmp_path / "danramil.json")
    pub = tmp_path / "nursalim.pub"
    pub.write_text(babinsa.key_line() + "\n", "utf-8")
    assert ok(commander("keys", "list", "--json")).stdout.strip() == "[]"
    added = ok(commander("keys", "trust", str(pub), "--name", "Serda Nursalim (Kemiri)"))
    [kept] = json.loads(ok(commander("keys", "list", "--json")).stdout)
    assert kept["name"] == "Serda Nursalim (Kemiri)" and kept["fingerprint"] in added.stderr
    assert kept["public_key"].split()[1] == babinsa.key_line().split()[1]
    ring = commander.home / "keys" / "trusted-keys.json"
    assert stat.S_IMODE(ring.stat().st_mode) == 0o600
    assert f"{kept['fingerprint']}  Serda Nursalim (Kemiri)" in ok(commander("keys", "list")).stdout
    # Trusting it again renames it; nothing doubles.
    ok(commander("keys", "trust", babinsa.key_line()))
    assert [k["name"] for k in json.loads(ok(commander("keys", "list", "--json")).stdout)] == ["Serda Nursalim"]

    assert "not a komsos public key" in refused(commander("keys", "trust", "ssh-rsa AAAA bukan"), 2)
    assert "fingerprint" in refused(commander("keys", "forget", "bukan-sidik"), 2)
    assert "no trusted key" in refused(commander("keys", "forget", "0000 0000 0000 0000"), 2)
    ok(commander("keys", "forget", kept["fingerprint"].replace(" ", "").upper()))
    assert json.loads(ok(commander("keys", "list", "--json")).stdout) == []


def test_the_keyring_damaged_by_hand_is_named_not_a_traceback(tmp_path: Path) -> None:
    commander = Person(tmp_path / "danramil", tmp_path / "danramil.json")
    (commander.home / "keys").mkdir(parents=True)
    (commander.home / "keys" / "trusted-keys.json").write_text("{bukan json", "utf-8")
    assert "trusted-keys.json" in refused(commander("keys", "list"), 3)


# --- export ----------------------------------------------------------------------------------------


def test_export_signs_the_file_it_writes_and_says_so(tmp_path: Path) -> None:
    babinsa = babinsa_with_reports(tmp_path)
    out = tmp_path / "laporan.jsonl"
    done = ok(babinsa("export", "-o", str(out)))
    sig = tmp_path / "laporan.jsonl.sig"
    assert "signed by Serda Nursalim" in done.stderr and str(sig) in done.stderr
    document = json.loads(sig.read_text("utf-8"))
    assert list(document) == [
        "komsos_signature",
        "file",
        "size",
        "sha256",
        "signer",
        "public_key",
        "fingerprint",
        "exported_at",
        "signature",
    ]
    assert document["komsos_signature"] == 1
    assert document["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()
    assert document["size"] == out.stat().st_size
    assert document["public_key"] == babinsa.key_line().split()[1]
    assert stat.S_IMODE(sig.stat().st_mode) == 0o600
    # An existing signature is never replaced without --force, nor is its file.
    assert "already exists" in refused(babinsa("export", "-o", str(out)), 2)
    out.unlink()
    assert "laporan.jsonl.sig already exists" in refused(babinsa("export", "-o", str(out)), 2)
    assert not out.exists()
    ok(babinsa("export", "-o", str(out), "--force"))
    assert json.loads(sig.read_text("utf-8"))["sha256"] == hashlib.sha256(out.read_bytes()).hexdigest()


def test_an_export_to_stdout_is_not_signed_and_says_so(tmp_path: Path) -> None:
    babinsa = babinsa_with_reports(tmp_path)
    shown = ok(babinsa("export", "-f", "jsonl", cwd=tmp_path))
    assert len(shown.stdout.splitlines()) == 2
    assert "not signed" in shown.stderr
    assert not list(tmp_path.glob("*.sig"))
    # Without a key there is nothing to say.
    keyless = Person(tmp_path / "other", babinsa.db)
    assert "signed" not in ok(keyless("export", "-f", "jsonl")).stderr


def test_an_export_without_a_key_is_unsigned_and_removes_a_stale_signature_on_force(tmp_path: Path) -> None:
    babinsa = babinsa_with_reports(tmp_path)
    out = tmp_path / "laporan.csv"
    ok(babinsa("export", "-o", str(out)))
    keyless = Person(tmp_path / "other", babinsa.db)
    ok(keyless("export", "-o", str(out), "--force"))
    assert out.exists() and not Path(f"{out}.sig").exists()


# --- import ----------------------------------------------------------------------------------------


@pytest.mark.both_stores
@pytest.mark.hub_slow
# csv on the file store in the quick tier; every format on both stores in the full run
@pytest.mark.parametrize("fmt", [FORMATS[0], *(pytest.param(fmt, marks=pytest.mark.slow) for fmt in FORMATS[1:])])
def test_a_file_or_signature_changed_by_one_byte_is_refused_and_the_store_unchanged(
    tmp_path: Path, db: Any, fmt: str
) -> None:
    babinsa = babinsa_with_reports(tmp_path)
    danramil = receiver(tmp_path, db)
    ok(danramil("keys", "trust", babinsa.key_line()))
    signed = tmp_path / f"laporan-nursalim.{fmt}"
    ok(babinsa("export", "-o", str(signed)))
    before = db.read_bytes()
    for part in ("file", "signature"):
        copy = tmp_path / part / signed.name
        copy.parent.mkdir()
        copy.write_bytes(signed.read_bytes())
        Path(f"{copy}.sig").write_bytes(Path(f"{signed}.sig").read_bytes())
        flip(copy if part == "file" else Path(f"{copy}.sig"))
        line = refused(danramil("import", str(copy)))
        assert ("was changed after Serda Nursalim" if part == "file" else "signature is broken") in line
        assert "nothing was imported" in line
        assert db.read_bytes() == before
    # The file as signed imports, and its entries remember who sent them.
    done = ok(danramil("import", str(signed)))
    assert "signed by Serda Nursalim" in done.stderr and "2 added" in done.stderr
    entries = json.loads(ok(danramil("list", "--json")).stdout)
    senders = [entry.get("received_from") for entry in entries]
    assert sum(1 for sender in senders if sender and sender["name"] == "Serda Nursalim") == 2


def test_every_byte_of_a_signature_file_is_covered(tmp_path: Path) -> None:
    # In-process, every byte position: none can change without the file being refused.
    trust.init_key("Serda Nursalim")
    data = tmp_path / "laporan.csv"
    data.write_bytes(b"id,date\r\n")
    signer = trust.load_signer()
    digest, size = trust.file_digest(data)
    pristine = signer.sign(data.name, digest, size)
    sig = trust.signature_path(data)
    sig.write_bytes(pristine)
    mine = [signer.key]
    assert trust.verify_file(data, mine).sender is not None
    for index in range(len(pristine)):
        changed = bytearray(pristine)
        changed[index] ^= 0x01
        sig.write_bytes(bytes(changed))
        with pytest.raises(Untrusted):
            trust.verify_file(data, mine)


@pytest.mark.both_stores
@pytest.mark.hub_slow
@pytest.mark.slow  # a signature proof through the installed komsos
def test_an_unknown_signer_is_refused_with_its_fingerprint_and_the_command_that_trusts_it(
    tmp_path: Path, db: Any
) -> None:
    babinsa = babinsa_with_reports(tmp_path)
    danramil = receiver(tmp_path, db)
    signed = tmp_path / "nursalim.csv"
    ok(babinsa("export", "-o", str(signed)))
    fingerprint = json.loads(ok(babinsa("keys", "show", "--json")).stdout)["fingerprint"]
    before = db.read_bytes()
    line = refused(danramil("import", str(signed)))
    assert db.read_bytes() == before
    assert f"fingerprint {fingerprint}" in line
    command = re.search(r"then accept the key with: (komsos keys trust .+); nothing was imported", line)
    assert command, line
    assert shlex.split(command.group(1))[3] == babinsa.key_line()
    ok(danramil(*shlex.split(command.group(1))[1:]))  # the exact command, as the user would paste it
    ok(danramil("import", str(signed)))
    # Forgotten again, its files are refused again.
    ok(danramil("keys", "forget", fingerprint))
    refused(danramil("import", str(signed)))


@pytest.mark.both_stores
@pytest.mark.hub_slow
@pytest.mark.slow  # a signature proof through the installed komsos
def test_an_unsigned_file_imports_with_a_warning_or_is_refused_when_signatures_are_required(
    tmp_path: Path, db: Any
) -> None:
    babinsa = babinsa_with_reports(tmp_path)
    keyless = Person(tmp_path / "keyless", babinsa.db)
    danramil = receiver(tmp_path, db)
    unsigned = tmp_path / "rekap.csv"
    ok(keyless("export", "-o", str(unsigned)))
    assert not Path(f"{unsigned}.sig").exists()

    before = db.read_bytes()
    line = refused(danramil("import", "--require-signed", str(unsigned)))
    assert "rekap.csv is not signed" in line and "required" in line
    assert db.read_bytes() == before
    ok(danramil("profile", "set", "--require-signed"))
    before = db.read_bytes()  # the profile lives in the store file
    refused(danramil("import", str(unsigned)))
    assert db.read_bytes() == before
    assert "Wajib bertanda tangan" in ok(danramil("profile", "show")).stdout
    ok(danramil("profile", "set", "--no-require-signed"))
    done = ok(danramil("import", str(unsigned)))
    assert "warning: " in done.stderr and "rekap.csv is not signed" in done.stderr
    assert "2 added" in done.stderr
    assert all("received_from" not in entry for entry in json.loads(ok(danramil("list", "--json")).stdout))


@pytest.mark.both_stores
@pytest.mark.hub_slow
@pytest.mark.slow  # a signature proof through the installed komsos
def test_babinsa_to_danramil_to_dandim_signed_and_checked_at_each_step(tmp_path: Path, db: Any) -> None:
    babinsa = babinsa_with_reports(tmp_path)
    danramil = Person(tmp_path / "danramil", db)  # the Koramil's store: a file, or a hub
    dandim = Person(tmp_path / "dandim", tmp_path / "kodim0727.json")
    ok(danramil("keys", "init", "--name", "Kapten Inf Sugiyono"))
    ok(dandim("keys", "init", "--name", "Letkol Inf Harsono"))
    ok(danramil("keys", "trust", babinsa.key_line(), "--name", "Serda Nursalim (Kemiri)"))
    ok(dandim("keys", "trust", danramil.key_line()))
    ok(dandim("profile", "set", "--require-signed"))
    fingerprints = {
        who: json.loads(ok(person("keys", "show", "--json")).stdout)["fingerprint"]
        for who, person in (("babinsa", babinsa), ("danramil", danramil))
    }

    # Babinsa -> Danramil, as a spreadsheet.
    monthly = tmp_path / "nursalim-2019.xlsx"
    ok(babinsa("export", "-o", str(monthly)))
    step = ok(danramil("import", str(monthly)))
    assert f"signed by Serda Nursalim (Kemiri) ({fingerprints['babinsa']})" in step.stderr
    at_koramil = json.loads(ok(danramil("list", "--json")).stdout)
    assert {entry["received_from"]["name"] for entry in at_koramil} == {"Serda Nursalim (Kemiri)"}
    assert {entry["received_from"]["fingerprint"] for entry in at_koramil} == {fingerprints["babinsa"]}
    signed_at = json.loads(Path(f"{monthly}.sig").read_text("utf-8"))["exported_at"]
    assert {entry["received_from"]["at"] for entry in at_koramil} == {signed_at}
    # The same file again, and an unsigned copy of it: nothing added, nothing in conflict.
    again = ok(danramil("import", "--json", str(monthly)))
    assert json.loads(again.stdout)["skipped"] == 2 and json.loads(again.stdout)["conflicts"] == 0
    [checked] = json.loads(again.stdout)["signatures"]  # --json names the signer too
    assert checked["file"] == str(monthly) and checked["received_from"]["fingerprint"] == fingerprints["babinsa"]
    assert checked["received_from"]["name"] == "Serda Nursalim (Kemiri)" and checked["received_from"]["at"] == signed_at
    copy = tmp_path / "copy" / monthly.name
    copy.parent.mkdir()
    copy.write_bytes(monthly.read_bytes())
    counts = json.loads(ok(danramil("import", "--json", str(copy))).stdout)
    assert (counts["added"], counts["skipped"], counts["conflicts"]) == (0, 2, 0)
    assert counts["signatures"] == [{"file": str(copy), "received_from": None}]

    # Danramil -> Dandim, as JSON Lines: received_from travels in the file, and is replaced by
    # the sender the Dandim checked.
    koramil = tmp_path / "koramil03-2019.jsonl"
    ok(danramil("export", "-o", str(koramil)))
    assert all(json.loads(line)["received_from"]["name"] for line in koramil.read_text("utf-8").splitlines())
    ok(dandim("import", str(koramil)))
    at_kodim = json.loads(ok(dandim("list", "--json")).stdout)
    assert len(at_kodim) == 2
    assert {entry["received_from"]["name"] for entry in at_kodim} == {"Kapten Inf Sugiyono"}
    assert {entry["received_from"]["fingerprint"] for entry in at_kodim} == {fingerprints["danramil"]}
    shown = ok(dandim("show", at_kodim[0]["id"]))
    assert "Diterima dari" in shown.stdout and "Kapten Inf Sugiyono" in shown.stdout
    # The Babinsa's own file straight to the Dandim: a key he does not trust.
    line = refused(dandim("import", str(monthly)))
    assert fingerprints["babinsa"] in line


# --- received_from in the entry ---------------------------------------------------------------------


def _raw(**extra: Any) -> dict[str, Any]:
    return {"babinsa": ["Serda Nursalim"], "village": "Kemiri", "summary": "Komsos", "date": "2019-01-31", **extra}


def test_received_from_is_a_checked_field_of_the_entry() -> None:
    sender = {"at": "2019-02-01T08:12:40+00:00", "fingerprint": "21d9 3e81 3df7 266d", "name": " Serda  Nursalim "}
    entry = validate_entry(_raw(received_from=sender))
    assert entry["received_from"] == {
        "name": "Serda Nursalim",
        "fingerprint": "21d9 3e81 3df7 266d",
        "at": "2019-02-01T08:12:40.000000+00:00",
    }
    received = entry["received_from"]
    reversed_keys: ReceivedFrom = {
        "at": received["at"],
        "fingerprint": received["fingerprint"],
        "name": received["name"],
    }
    assert list(in_field_order({**entry, "received_from": reversed_keys}))[-1] == "received_from"
    for bad in (
        "Serda Nursalim",
        {"name": "X", "fingerprint": "21d9"},
        {"name": "X", "fingerprint": "21D9 3E81 3DF7 266D", "at": "2019-02-01T08:12:40+00:00"},
        {"name": "", "fingerprint": "21d9 3e81 3df7 266d", "at": "2019-02-01T08:12:40+00:00"},
        {"name": "X", "fingerprint": "21d9 3e81 3df7 266d", "at": "kemarin"},
        {"name": "X", "fingerprint": "21d9 3e81 3df7 266d", "at": "2019-02-01T08:12:40+00:00", "via": "Y"},
    ):
        with pytest.raises(InvalidInput):
            validate_entry(_raw(received_from=bad))


def test_the_keyring_file_is_written_whole_and_read_back(tmp_path: Path) -> None:
    key = trust.parse_key_line("komsos-ed25519 " + base64.b64encode(bytes(range(32))).decode() + " Serda Jasem")
    assert trust.trust(key) == (key, True)
    assert trust.keyring() == [key]
    assert trust.trust(trust.PublicKey(key.raw, "Serda Jasem (Sei Silau Tua)"))[1] is False
    assert [k.name for k in trust.keyring()] == ["Serda Jasem (Sei Silau Tua)"]
    assert trust.forget(key.fingerprint).raw == key.raw
    assert trust.keyring() == []


def test_an_entry_edited_here_is_no_longer_what_its_sender_signed(tmp_path: Path) -> None:
    from komsos_cli import entries as core
    from komsos_cli.store import FileStore

    sender = {"name": "Serda Nursalim", "fingerprint": "21d9 3e81 3df7 266d", "at": "2019-02-01T08:12:40+00:00"}
    entry = validate_entry(_raw(received_from=sender))
    store = FileStore(tmp_path / "koramil.json")
    with store.transaction() as transaction:
        transaction.add(entry)
    assert core.get(store, entry["id"])["received_from"]["name"] == "Serda Nursalim"
    edited = core.edit(store, entry["id"], {"situation": "waspada"})
    assert "received_from" not in edited and "received_from" not in core.get(store, entry["id"])


def test_a_missing_file_is_named_as_missing_even_when_signatures_are_required(tmp_path: Path) -> None:
    commander = Person(tmp_path / "danramil", tmp_path / "danramil.json")
    line = refused(commander("import", "--require-signed", str(tmp_path / "hilang.csv")), 2)
    assert "cannot read" in line


def test_commands_that_touch_no_key_never_import_the_crypto(tmp_path: Path) -> None:
    for args in (["--help"], ["list"], ["keys", "--help"]):
        result = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "komsos_cli", *args],
            env={**os.environ, "KOMSOS_HOME": str(tmp_path), "KOMSOS_DB": str(tmp_path / "k.json")},
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr[-500:]
        assert "cryptography" not in result.stderr, args
