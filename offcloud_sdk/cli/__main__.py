"""`python -m offcloud_sdk.cli`."""

from . import main as _main

_main()
