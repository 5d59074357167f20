"""The `offcloud_sdk` logger: silent unless the application or `OFFCLOUD_LOG` turns it on.

`OFFCLOUD_LOG=info` prints one line per call (method, path, status, elapsed, retries) to
stderr; `OFFCLOUD_LOG=debug` adds a line per retry. Lines never hold the API key: paths are
logged without their query.
"""

from __future__ import annotations

import logging
import os

LOG_ENV = "OFFCLOUD_LOG"
logger = logging.getLogger("offcloud_sdk")
_LEVELS = {"info": logging.INFO, "debug": logging.DEBUG}


def configure_from_env() -> None:
    """Apply `OFFCLOUD_LOG` (info or debug) once: set the level and add a stderr handler."""
    level = _LEVELS.get(os.environ.get(LOG_ENV, "").strip().lower())
    if level is None:
        return
    logger.setLevel(level)
    if not any(getattr(handler, "_offcloud_sdk", False) for handler in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
        handler._offcloud_sdk = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
