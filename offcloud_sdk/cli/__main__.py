"""`python -m offcloud_sdk.cli`."""

from . import main

main()
