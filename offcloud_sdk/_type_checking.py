"""`TYPE_CHECKING` without importing `typing`, for the modules imported first.

`typing` costs about 10 ms to import; `offcloud_sdk` and `offcloud_sdk.types` need nothing
else from it at run time. Type checkers (mypy, pyright) treat any name `TYPE_CHECKING` as
true, and a name imported from here is not re-exported by the module that imports it.
"""

TYPE_CHECKING = False
