"""Where the store lives: `--db`, else KOMSOS_DB, else the platform's app folder (a file path or a hub address)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "komsos"
STORE_NAME = "komsos.json"
LANGUAGE_NAME = "language"  # the interface language `profile set --lang` chose: `id` or `en`


def app_dir() -> Path:
    """The per-user folder (what typer.get_app_dir gives), without importing Typer here."""
    override = os.environ.get("KOMSOS_HOME")
    if override:
        return Path(override).expanduser()
    # The folder typer.get_app_dir(APP_NAME) gives, computed here so the core needs no Typer.
    if sys.platform.startswith("win"):
        return Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming") / APP_NAME
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / APP_NAME
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / APP_NAME


def store_address(cli_value: str | os.PathLike[str] | None = None) -> Path | str:
    """Like `store_path`, but a PostgreSQL address (`postgresql://`, `postgres://`) stays a str: a hub."""
    for value in (cli_value, os.environ.get("KOMSOS_DB") if cli_value is None else None):
        if isinstance(value, str) and value.strip().lower().startswith(("postgresql://", "postgres://")):
            return value.strip()
    return store_path(cli_value)


def store_path(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """`--db` (None when not given), else KOMSOS_DB (empty counts as unset), else the app folder."""
    if cli_value is not None:
        if not str(cli_value).strip():
            # `--db "$UNSET"` must not fall back to the default store and write there.
            from .errors import InvalidInput
            from .messages import t

            raise InvalidInput(t("db.empty"))
        return Path(cli_value).expanduser()
    env = os.environ.get("KOMSOS_DB")
    if env:
        return Path(env).expanduser()
    return app_dir() / STORE_NAME


def saved_language() -> str | None:
    """The language `komsos profile set --lang` saved in the app folder (a tiny file of its own,
    so choosing the language never reads the store), or None."""
    try:
        chosen = (app_dir() / LANGUAGE_NAME).read_text(encoding="utf-8").strip().lower()
    except (OSError, UnicodeDecodeError):
        return None
    return chosen if chosen in ("id", "en") else None


def save_language(lang: str) -> None:
    """Remember `lang` as the interface language for this user."""
    from .store.files import atomic_write, ensure_folder

    ensure_folder(app_dir())
    atomic_write(app_dir() / LANGUAGE_NAME, f"{lang}\n".encode())
