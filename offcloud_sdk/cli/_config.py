"""Where the `offcloud` command keeps the API key `login` saved, and how it finds a key."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from .._downloads.local_files import replace_atomically
from ._output import API_ERROR, Failure

ENV_KEY = "OFFCLOUD_API_KEY"
FILE_NAME = "credentials.json"


def config_dir() -> Path:
    """The user's config directory for offcloud (e.g. `~/.config/offcloud` on Linux)."""
    import platformdirs

    return Path(platformdirs.user_config_dir("offcloud", appauthor=False))


def key_file() -> Path:
    return config_dir() / FILE_NAME


def saved_key() -> str | None:
    """The key `login` saved, or None (no file, a symlink, or a file that is not ours)."""
    return _read_saved()[0]


def key_file_problem() -> str | None:
    """Why the key file that is there gives no key (unreadable, not JSON, not ours…), or None
    when there is no such file or it is fine."""
    return _read_saved()[1]


def _read_saved() -> tuple[str | None, str | None]:
    """The saved key, or None and what is wrong with the file (None when there is no file)."""
    path = key_file()
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        descriptor = os.open(path, flags)  # O_NONBLOCK: a FIFO there must not hang the command
    except FileNotFoundError:
        return None, None
    except OSError as exc:
        if path.is_symlink():
            return None, f"{path} is a symbolic link, which is not read: remove it"
        return None, f"{path} cannot be read ({exc.strerror or exc})"
    try:
        with os.fdopen(descriptor, "rb") as file:
            info = os.fstat(descriptor)
            if not stat.S_ISREG(info.st_mode):
                return None, f"{path} is not a file, so it is not read: remove it"
            if hasattr(os, "getuid") and info.st_uid != os.getuid():
                return None, f"{path} belongs to another user, so it is not read: remove it"
            data = json.loads(file.read(1 << 16).decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return None, f"{path} is unreadable (not the JSON `offcloud login` writes)"
    key = data.get("api_key") if isinstance(data, dict) else None
    if not isinstance(key, str) or not key:
        return None, f"{path} holds no API key"
    return key, None


def save_key(key: str) -> Path:
    """Write the key to the config file, readable by the user only (mode 0600).

    The file is replaced atomically by one made 0600 from the start, never written through a
    symlink or into a folder others can write to; raises `Failure` when that cannot be done.
    """
    path = key_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        _make_private(path.parent)
        if path.is_symlink():
            raise _refusal(f"{path} is a symbolic link; remove it and log in again")
        replace_atomically(path, json.dumps({"api_key": key}).encode(), durable=True)
    except OSError as exc:
        raise _refusal(f"cannot write {path}: {exc.strerror or exc}") from None
    return path


def _make_private(folder: Path) -> None:
    """Make `folder` writable by its owner only, or refuse when it is not the user's."""
    if not hasattr(os, "getuid"):  # Windows: ACLs, not mode bits, guard the profile folder
        return
    info = os.stat(folder)
    if info.st_uid != os.getuid():
        raise _refusal(f"{folder} belongs to another user (uid {info.st_uid})")
    if info.st_mode & 0o022:  # others could swap the file for theirs
        try:
            os.chmod(folder, 0o700)
        except OSError as exc:
            raise _refusal(f"{folder} is writable by others ({exc.strerror})") from None


def _refusal(reason: str) -> Failure:
    return Failure(f"not saving the API key: {reason}", API_ERROR, "ConfigError")


def forget_key() -> Path | None:
    """Delete the saved key; the path it was at, or None when there was none."""
    path = key_file()
    try:
        path.unlink()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise Failure(
            f"cannot remove the saved API key {path}: {exc.strerror or exc}",
            API_ERROR,
            "ConfigError",
        ) from None
    return path


def find_key(flag: str | None) -> str | None:
    """`--api-key`, then `OFFCLOUD_API_KEY`, then the saved key."""
    return flag or os.environ.get(ENV_KEY) or saved_key()
