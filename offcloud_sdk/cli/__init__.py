"""`offcloud`, the command line (install with `pip install "offcloud-sdk[cli]"`)."""

from __future__ import annotations

__all__ = ["main"]


def main() -> None:
    """The console script's entry point."""
    try:
        from ._app import app
    except ImportError as exc:  # the cli extra is missing
        import sys

        sys.stderr.write(
            f"offcloud: error: the command line needs extras ({exc.name} is missing): "
            'pip install "offcloud-sdk[cli]"\n'
        )
        raise SystemExit(2) from None
    app(prog_name="offcloud")
