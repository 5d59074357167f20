"""Where the `offcloud` command keeps the API key `login` saved, and how it finds a key."""

from __future__ import annotations

import json
import os
from pathlib import Path

ENV_KEY = "OFFCLOUD_API_KEY"
FILE_NAME = "credentials.json"


def config_dir() -> Path:
    """The user's config directory for offcloud (e.g. `~/.config/offcloud` on Linux)."""
    import platformdirs

    return Path(platformdirs.user_config_dir("offcloud", appauthor=False))


def key_file() -> Path:
    return config_dir() / FILE_NAME


def saved_key() -> str | None:
    """The key `login` saved, or None (no file, or a file that is not ours)."""
    try:
        data = json.loads(key_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    key = data.get("api_key") if isinstance(data, dict) else None
    return key if isinstance(key, str) and key else None


def save_key(key: str) -> Path:
    """Write the key to the config file, readable by the user only (mode 0600)."""
    path = key_file()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        json.dump({"api_key": key}, file)
    os.chmod(path, 0o600)  # also when the file existed with looser bits
    return path


def forget_key() -> Path | None:
    """Delete the saved key; the path it was at, or None when there was none."""
    path = key_file()
    try:
        path.unlink()
    except FileNotFoundError:
        return None
    return path


def find_key(flag: str | None) -> str | None:
    """`--api-key`, then `OFFCLOUD_API_KEY`, then the saved key."""
    return flag or os.environ.get(ENV_KEY) or saved_key()
