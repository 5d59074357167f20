"""The package's layers: which module may import which (README, *The facade's modules*).

The generated client never imports the facade; inside the facade, imports go one way:
`_calls` ← `_downloads` ← `_flows` ← the clients ← the public modules, with `testing` and
`cli` on top. A module found importing upwards fails here with the line that does it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from spec_support import ROOT

PACKAGE = ROOT / "offcloud_sdk"
GENERATED = ROOT / "generated" / "offcloud_api_client"

# A layer, and the layers of offcloud_sdk it may import from (besides itself).
BASE = {"exceptions", "_version", "_type_checking", "_text"}
ALLOWED: dict[str, set[str]] = {
    "exceptions": {"_text"},
    "_text": set(),
    "_version": set(),
    "_type_checking": set(),
    "_calls": BASE,
    "_downloads": BASE | {"_calls"},
    "_flows": BASE | {"_calls", "_downloads"},
    "_resources": BASE | {"_calls", "_downloads", "_flows"},
    "_client": BASE | {"_calls", "_downloads", "_flows", "_resources"},
    "_compat": BASE | {"_calls", "_flows", "_client"},
    "_aiohttp": BASE | {"_calls"},  # DefaultAioHttpClient
    "types": BASE | {"_calls", "_downloads", "_flows", "_resources"},
    "__init__": BASE | {"_calls", "_downloads", "_flows", "_client", "_compat", "_aiohttp"},
    "testing": BASE | {"_calls", "_flows"},
    "_doctor": BASE | {"_calls", "_downloads", "_flows"},
    "doctor": BASE | {"_calls", "_flows", "_client", "_doctor"},
    "cli": BASE | {"_calls", "_downloads", "_flows", "_client", "testing", "_doctor", "doctor"},
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path) -> list[tuple[int, str]]:
    """Every module `path` imports, absolute, with its line (TYPE_CHECKING ones included)."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1]
            target = ".".join([*base, node.module] if node.module else base)
            if node.level == 0:
                target = node.module or ""
            found.append((node.lineno, target))
            found += [(node.lineno, f"{target}.{alias.name}") for alias in node.names]
    return found


def layer(module: str) -> str | None:
    """The layer of an `offcloud_sdk` module (None for other packages)."""
    parts = module.split(".")
    if parts[0] != "offcloud_sdk":
        return None
    return parts[1] if len(parts) > 1 else "__init__"


FACADE = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", FACADE, ids=lambda p: str(p.relative_to(ROOT)))
def test_a_facade_module_imports_only_the_layers_below_it(path: Path) -> None:
    own = layer(module_name(path))
    assert own in ALLOWED, f"{own}: a new layer? add it to ALLOWED and to the README's table"
    upward = [
        f"{path.relative_to(ROOT)}:{line} imports {target}"
        for line, target in imported(path)
        if (other := layer(target)) is not None
        and other != own
        and other in ALLOWED  # `from offcloud_sdk import X` names a symbol, seen as `X` below
        and other not in ALLOWED[own]
    ]
    assert upward == []


def test_the_generated_client_never_imports_the_facade() -> None:
    upward = [
        f"{path.relative_to(ROOT)}:{line} imports {target}"
        for path in sorted(GENERATED.rglob("*.py"))
        for line, target in imported(path)
        if target.split(".")[0] == "offcloud_sdk"
    ]
    assert upward == []


def test_the_layers_are_what_the_package_holds() -> None:
    on_disk = {layer(module_name(path)) for path in FACADE}
    assert on_disk == set(ALLOWED)
