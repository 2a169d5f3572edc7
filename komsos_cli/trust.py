"""Signed exports: this user's Ed25519 key, the keyring of senders they trust, and the detached
signature (`FILE.sig`) that `export` writes beside a file and `import` checks (docs/trust.md).

Callable without the CLI; never prints. The crypto is `cryptography`'s, imported inside the
functions that sign or verify, so commands that never touch a key do not pay for it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypedDict, cast

from .errors import InvalidInput, StoreError, Untrusted
from .messages import t
from .model import clean_text, utc_now
from .paths import app_dir
from .store.files import atomic_write, ensure_folder

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from .model import ReceivedFrom

KEY_PREFIX = "komsos-ed25519"
SIGNATURE_FORMAT = 1
SIGNATURE_SUFFIX = ".sig"
# What a signature signs starts with this, so that it can never be taken for any other signed thing.
DOMAIN = b"komsos export signature v1\x00"
PASSPHRASE_ENV = "KOMSOS_PASSPHRASE"
KEYS_FOLDER = "keys"
PRIVATE_FILE = "signing-key.pem"
PUBLIC_FILE = "signing-key.pub"
KEYRING_FILE = "trusted-keys.json"
# The keys of a signature document, in the order it is written.
_DOCUMENT_KEYS = ("komsos_signature", "file", "size", "sha256", "signer", "public_key", "fingerprint", "exported_at")

Ask = Callable[[], "str | None"]


class SignatureDocument(TypedDict):
    """A signature file (`FILE.sig`), keys in the order it is written (`_DOCUMENT_KEYS`, then the signature)."""

    komsos_signature: int  # SIGNATURE_FORMAT
    file: str  # the signed file's name
    size: int
    sha256: str
    signer: str
    public_key: str  # base64
    fingerprint: str
    exported_at: str
    signature: str  # base64, over `_signed_message` of the rest


class KeyInfo(TypedDict):
    """A public key as the keyring file and `keys list --json` hold it."""

    name: str
    public_key: str  # the key line: `komsos-ed25519 <base64> <name>`
    fingerprint: str


class KeyringDocument(TypedDict):
    """The keyring file (`trusted-keys.json`)."""

    version: int
    keys: list[KeyInfo]


# --- keys ---------------------------------------------------------------------------------------


def fingerprint(raw: bytes) -> str:
    """The short fingerprint people read to each other: 16 hex digits of the key's SHA-256, in fours."""
    digest = hashlib.sha256(raw).hexdigest()[:16]
    return " ".join(digest[i : i + 4] for i in range(0, 16, 4))


def normalize_fingerprint(text: str) -> str:
    """`1A2B3C4D5E6F7A8B`, `1a2b-3c4d ...` -> `1a2b 3c4d 5e6f 7a8b`; InvalidInput when it is not one."""
    digits = "".join(ch for ch in text.lower() if ch not in " -:")
    if len(digits) != 16 or any(ch not in "0123456789abcdef" for ch in digits):
        raise InvalidInput(t("trust.fingerprint.bad", text=text))
    return " ".join(digits[i : i + 4] for i in range(0, 16, 4))


@dataclass(frozen=True)
class PublicKey:
    raw: bytes
    name: str

    @property
    def base64(self) -> str:
        return base64.b64encode(self.raw).decode("ascii")

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.raw)

    def line(self) -> str:
        """`komsos-ed25519 <base64> <name>`: what a Babinsa sends their commander."""
        return f"{KEY_PREFIX} {self.base64} {self.name}"

    def as_dict(self) -> KeyInfo:
        return {"name": self.name, "public_key": self.line(), "fingerprint": self.fingerprint}


def clean_name(text: str) -> str:
    name = clean_text(text, field="name")
    if not name:
        raise InvalidInput(t("trust.name.empty"))
    return name


def decode_key(text: str) -> bytes:
    """The 32 bytes of a public key written in base64; InvalidInput when it is not one."""
    try:
        raw = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise InvalidInput(t("trust.key.bad", text=text[:80])) from None
    if len(raw) != 32:
        raise InvalidInput(t("trust.key.bad", text=text[:80]))
    return raw


def parse_key_line(text: str, name: str | None = None) -> PublicKey:
    """`komsos-ed25519 <base64> [name]` as a PublicKey; `name` (when given) replaces the line's."""
    parts = text.strip().split(None, 2)
    if len(parts) < 2 or parts[0] != KEY_PREFIX:
        raise InvalidInput(t("trust.key.bad", text=text.strip()[:80]))
    raw = decode_key(parts[1])
    given = name if name is not None else (parts[2] if len(parts) > 2 else "")
    if not given.strip():
        raise InvalidInput(t("trust.name.needed", fingerprint=fingerprint(raw)))
    return PublicKey(raw, clean_name(given))


def keys_folder() -> Path:
    return app_dir() / KEYS_FOLDER


def _private_path() -> Path:
    return keys_folder() / PRIVATE_FILE


def _public_path() -> Path:
    return keys_folder() / PUBLIC_FILE


def has_key() -> bool:
    return _private_path().exists()


def _make_private_folder() -> Path:
    """The app folder and its `keys` folder, both readable by their owner only."""
    home = app_dir()
    ensure_folder(home)
    folder = keys_folder()
    try:
        if home.stat().st_mode & 0o077:  # made earlier by the gazetteer's index, say: a key lives here now
            os.chmod(home, 0o700)
        folder.mkdir(mode=0o700, exist_ok=True)
        os.chmod(folder, 0o700)
    except OSError as error:
        raise StoreError(t("store.write_failed", path=folder, reason=error.strerror or str(error))) from None
    return folder


def init_key(name: str, passphrase: str | None = None) -> PublicKey:
    """Make this user's key pair (the private key mode 0600, encrypted when a passphrase is
    given); InvalidInput when one exists already: a key is never replaced behind its owner."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    chosen = clean_name(name)
    if has_key():
        raise InvalidInput(t("trust.key.exists", path=_private_path()))
    if passphrase is not None and not passphrase:
        raise InvalidInput(t("trust.passphrase.empty"))
    _make_private_folder()
    private = Ed25519PrivateKey.generate()
    encryption: serialization.KeySerializationEncryption = (
        serialization.BestAvailableEncryption(passphrase.encode("utf-8"))
        if passphrase
        else serialization.NoEncryption()
    )
    pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption)
    raw = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    key = PublicKey(raw, chosen)
    atomic_write(_private_path(), pem)
    try:
        atomic_write(_public_path(), (key.line() + "\n").encode("utf-8"))
    except BaseException:
        _private_path().unlink(missing_ok=True)
        raise
    return key


def own_key() -> PublicKey | None:
    """This user's public key, or None when they have made none."""
    path = _public_path()
    if not has_key() or not path.exists():
        return None
    try:
        return parse_key_line(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, InvalidInput) as error:
        reason = error.message if isinstance(error, InvalidInput) else str(error)
        raise StoreError(t("trust.key.damaged", path=path, reason=reason)) from None


def require_own_key() -> PublicKey:
    key = own_key()
    if key is None:
        raise InvalidInput(t("trust.key.none"))
    return key


class Signer:
    """This user's private key, loaded (and unlocked) once, and the signature documents it makes."""

    def __init__(self, private: Ed25519PrivateKey, key: PublicKey) -> None:
        self._private = private
        self.key = key

    def sign(self, file_name: str, sha256: str, size: int, at: str | None = None) -> bytes:
        """The signature document (`FILE.sig`) of a file of `size` bytes whose SHA-256 is `sha256`."""
        document: SignatureDocument = {
            "komsos_signature": SIGNATURE_FORMAT,
            "file": file_name,
            "size": size,
            "sha256": sha256,
            "signer": self.key.name,
            "public_key": self.key.base64,
            "fingerprint": self.key.fingerprint,
            "exported_at": at or utc_now(),
            "signature": "",  # what is signed leaves the signature out
        }
        document["signature"] = base64.b64encode(self._private.sign(_signed_message(document))).decode("ascii")
        return _serialize(document)


def load_signer(ask: Ask | None = None) -> Signer:
    """This user's key, ready to sign. An encrypted key takes KOMSOS_PASSPHRASE, else `ask`
    (a hidden prompt at a terminal); InvalidInput when neither is there or it is wrong."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = require_own_key()
    try:
        pem = _private_path().read_bytes()
    except OSError as error:
        raise StoreError(t("trust.key.damaged", path=_private_path(), reason=error.strerror or str(error))) from None
    try:
        private = serialization.load_pem_private_key(pem, password=None)
    except TypeError:  # encrypted: it needs its passphrase
        passphrase = os.environ.get(PASSPHRASE_ENV) or (ask() if ask is not None else None)
        if not passphrase:
            raise InvalidInput(t("trust.passphrase.needed", env=PASSPHRASE_ENV)) from None
        try:
            private = serialization.load_pem_private_key(pem, password=passphrase.encode("utf-8"))
        except ValueError:
            raise InvalidInput(t("trust.passphrase.wrong")) from None
    except ValueError as error:
        raise StoreError(t("trust.key.damaged", path=_private_path(), reason=str(error))) from None
    public = private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    if public != key.raw or not isinstance(private, Ed25519PrivateKey):
        raise StoreError(t("trust.key.mismatch", path=keys_folder()))
    return Signer(private, key)


# --- the keyring of trusted senders ---------------------------------------------------------------


def _keyring_path() -> Path:
    return keys_folder() / KEYRING_FILE


def keyring() -> list[PublicKey]:
    """The senders this user trusts, in the order they were added."""
    path = _keyring_path()
    if not path.exists():
        return []
    try:
        # Our own file (`_save_keyring`); one damaged by hand fails here (KeyError, TypeError), named below.
        data = cast(KeyringDocument, json.loads(path.read_text("utf-8")))
        return [parse_key_line(item["public_key"], item["name"]) for item in data["keys"]]
    except (OSError, ValueError, KeyError, TypeError, InvalidInput) as error:
        reason = error.message if isinstance(error, InvalidInput) else str(error)
        raise StoreError(t("trust.keyring.damaged", path=path, reason=reason)) from None


def _save_keyring(keys: Sequence[PublicKey]) -> None:
    _make_private_folder()
    document: KeyringDocument = {"version": 1, "keys": [key.as_dict() for key in keys]}
    atomic_write(_keyring_path(), (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))


def key_from(key_or_file: str, name: str | None = None) -> PublicKey:
    """A sender's key from what they sent: the key line itself, a file holding it (`keys show >
    nursalim.pub`), or a signature file (`laporan.csv.sig`). `name` replaces the one given there."""
    text = key_or_file.strip()
    if text.startswith(KEY_PREFIX + " "):
        return parse_key_line(text, name)
    path = Path(text).expanduser()
    if not path.is_file():
        raise InvalidInput(t("trust.key.bad", text=text[:80]))
    try:
        content = path.read_bytes()[: 1 << 16].decode("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InvalidInput(t("exchange.input.unreadable", path=path, reason=str(error))) from None
    if content.lstrip().startswith("{"):
        document = _parse_document(path, content.encode("utf-8"))
        return PublicKey(decode_key(document["public_key"]), clean_name(name or document["signer"]))
    return parse_key_line(content, name)


def trust(key: PublicKey) -> tuple[PublicKey, bool]:
    """Add `key` to the keyring (under its name); a key already there takes the new name.
    Returns the key as kept and whether it is new."""
    keys = keyring()
    for index, known in enumerate(keys):
        if known.raw == key.raw:
            keys[index] = key
            _save_keyring(keys)
            return key, False
    _save_keyring([*keys, key])
    return key, True


def forget(fingerprint_text: str) -> PublicKey:
    """Take the key with this fingerprint off the keyring; InvalidInput when there is none."""
    wanted = normalize_fingerprint(fingerprint_text)
    keys = keyring()
    kept = [key for key in keys if key.fingerprint != wanted]
    if len(kept) == len(keys):
        raise InvalidInput(t("trust.forget.unknown", fingerprint=wanted))
    _save_keyring(kept)
    return next(key for key in keys if key.fingerprint == wanted)


# --- signature documents ----------------------------------------------------------------------------


def signature_path(path: Path) -> Path:
    return path.with_name(path.name + SIGNATURE_SUFFIX)


def _signed_message(document: Mapping[str, object]) -> bytes:
    """What the signature signs: the domain, then every field but the signature, canonical JSON."""
    fields = {key: document[key] for key in _DOCUMENT_KEYS}
    return DOMAIN + json.dumps(fields, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _serialize(document: Mapping[str, object]) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _parse_document(path: Path, payload: bytes) -> SignatureDocument:
    """The signature document in `payload`, checked for shape (not yet for its signature):
    Untrusted when it is not exactly what `Signer.sign` writes."""

    def broken(reason: str) -> Untrusted:
        return Untrusted(t("trust.sig.broken", path=path, reason=reason))

    try:
        document: object = json.loads(payload.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise broken(t("trust.sig.not_json")) from None
    if not isinstance(document, dict) or list(document) != [*_DOCUMENT_KEYS, "signature"]:
        raise broken(t("trust.sig.fields"))
    if document["komsos_signature"] != SIGNATURE_FORMAT:
        raise broken(t("trust.sig.version", version=document["komsos_signature"]))
    strings = ("file", "sha256", "signer", "public_key", "fingerprint", "exported_at", "signature")
    if not all(isinstance(document[key], str) for key in strings) or type(document["size"]) is not int:
        raise broken(t("trust.sig.fields"))
    # Exactly the bytes komsos writes (a line end changed to CRLF on the way aside): so no byte
    # of a signature file can change without the file being refused.
    if payload.replace(b"\r\n", b"\n") != _serialize(document):
        raise broken(t("trust.sig.altered"))
    return cast(SignatureDocument, document)  # its keys, their order and their types were just checked


@dataclass(frozen=True)
class Verdict:
    """What the signature check found for one file: its sender (`received_from`), or None: unsigned."""

    path: Path
    sender: ReceivedFrom | None


def file_digest(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with open(path, "rb") as handle:
        for piece in iter(lambda: handle.read(1 << 20), b""):
            digest.update(piece)
            size += len(piece)
    return digest.hexdigest(), size


def verify_file(path: Path, trusted: Sequence[PublicKey], require_signed: bool = False) -> Verdict:
    """Check `path` against `path.sig`. A good signature by a trusted key gives its sender; no
    signature gives None (Untrusted under `require_signed`); anything else is Untrusted."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    sig_path = signature_path(path)
    if not path.is_file():
        return Verdict(path, None)  # the reader names what is wrong with it
    if not sig_path.exists():
        if require_signed:
            raise Untrusted(t("trust.unsigned.refused", path=path, sig=sig_path.name))
        return Verdict(path, None)
    try:
        payload = sig_path.read_bytes()
    except OSError as error:
        raise InvalidInput(t("exchange.input.unreadable", path=sig_path, reason=error.strerror or str(error))) from None
    document = _parse_document(sig_path, payload)
    try:
        raw = decode_key(document["public_key"])
        signature = base64.b64decode(document["signature"], validate=True)
        Ed25519PublicKey.from_public_bytes(raw).verify(signature, _signed_message(document))
    except (InvalidInput, InvalidSignature, binascii.Error, ValueError):
        raise Untrusted(t("trust.sig.broken", path=sig_path, reason=t("trust.sig.invalid"))) from None
    if document["fingerprint"] != fingerprint(raw):
        raise Untrusted(t("trust.sig.broken", path=sig_path, reason=t("trust.sig.invalid")))
    try:
        digest, size = file_digest(path)
    except OSError as error:
        raise InvalidInput(t("exchange.input.unreadable", path=path, reason=error.strerror or str(error))) from None
    if (digest, size) != (document["sha256"], document["size"]):
        raise Untrusted(t("trust.sig.changed", path=path, signer=document["signer"], fingerprint=fingerprint(raw)))
    known = next((key for key in trusted if key.raw == raw), None)
    if known is None:
        import shlex

        claimed = PublicKey(raw, clean_text(document["signer"], field="signer") or "?")
        raise Untrusted(
            t(
                "trust.sig.unknown",
                path=path,
                signer=claimed.name,
                fingerprint=claimed.fingerprint,
                command=f"komsos keys trust {shlex.quote(claimed.line())}",
            )
        )
    from .model import check_received_from

    sender = {"name": known.name, "fingerprint": known.fingerprint, "at": document["exported_at"]}
    try:
        checked = check_received_from(sender)
    except InvalidInput as error:
        raise Untrusted(t("trust.sig.broken", path=sig_path, reason=error.message)) from None
    return Verdict(path, checked)


def verify_files(paths: Sequence[Path], require_signed: bool = False) -> list[Verdict]:
    """`verify_file` for each file, against the keyring and this user's own key (a user trusts
    what they signed themselves). Called before any row is read: a refused file stores nothing."""
    trusted = keyring()
    own = own_key()
    if own is not None and all(key.raw != own.raw for key in trusted):
        trusted.append(own)
    return [verify_file(path, trusted, require_signed) for path in paths]


__all__ = [
    "KEY_PREFIX",
    "PASSPHRASE_ENV",
    "PublicKey",
    "Signer",
    "Verdict",
    "fingerprint",
    "forget",
    "has_key",
    "init_key",
    "key_from",
    "keyring",
    "load_signer",
    "own_key",
    "parse_key_line",
    "signature_path",
    "trust",
    "verify_file",
    "verify_files",
]
