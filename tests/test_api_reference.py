"""api.md: the generated reference has every operation and model, is deterministic, is checked."""

from __future__ import annotations

import inspect
import shutil
from collections.abc import Callable, Collection, Iterator
from functools import cache, cached_property
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from offcloud_api_client.api import TAGS, AsyncResources, Resources
from spec_support import ROOT, SPEC_PATH
from spec_support import operations as spec_operations
from test_generation import PER_CALL, load_generate_tool, method_name

from offcloud_sdk import AsyncOffcloud, Offcloud
from offcloud_sdk._downloads.files import FilesResource
from offcloud_sdk._resources import CacheResource, CloudResource

API_MD = ROOT / "api.md"
GENERATED = ROOT / "generated"
CACHES = shutil.ignore_patterns("__pycache__", ".ruff_cache")


@cache
def tool() -> ModuleType:
    """tools/generate.py, which imports tools/api_reference.py as `api_reference`."""
    return load_generate_tool()


def reference() -> ModuleType:
    module: ModuleType = tool().api_reference
    return module


def committed() -> list[str]:
    return API_MD.read_text(encoding="utf-8").splitlines()


def models_section(lines: list[str]) -> dict[str, list[str]]:
    """Each `### <Model>` section under `## Models`, by name, in the order of the file."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in lines[lines.index("## Models") + 1 :]:
        if line.startswith("### "):
            current = sections.setdefault(line.removeprefix("### "), [])
        elif current is not None:
            current.append(line)
    return sections


def section(lines: list[str], title: str) -> list[str]:
    """The lines of `## <title>`, up to the next `## ` heading."""
    start = lines.index(f"## {title}") + 1
    end = next((i for i in range(start, len(lines)) if lines[i].startswith("## ")), len(lines))
    return lines[start:end]


def subsections(lines: list[str]) -> dict[str, list[str]]:
    """Each `### <name>` of `lines`, by name."""
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in lines:
        if line.startswith("### "):
            current = found.setdefault(line.removeprefix("### "), [])
        elif current is not None:
            current.append(line)
    return found


class Shown:
    """An annotation that `inspect` prints as its text (the generated ones are strings)."""

    def __init__(self, text: object) -> None:
        self.text = str(text)

    def __repr__(self) -> str:
        return self.text


def shown(function: Callable[..., object], *, leave_out: Collection[str] = ()) -> str:
    """The method's signature as `inspect` prints it, without `self` and `leave_out`."""
    signature = inspect.signature(function)
    parameters = [
        p.replace(annotation=Shown(p.annotation))
        if p.annotation is not inspect.Parameter.empty
        else p
        for p in list(signature.parameters.values())[1:]
        if p.name not in leave_out
    ]
    returns = signature.return_annotation
    return str(
        signature.replace(
            parameters=parameters,
            return_annotation=inspect.Signature.empty
            if returns is inspect.Signature.empty
            else Shown(returns),
        )
    )


@pytest.fixture(scope="module")
def oc() -> Iterator[Offcloud]:
    """A client that sends nothing: its resources are what the reference describes."""
    with Offcloud(api_key="k", base_url="https://offcloud.invalid") as client:
        yield client


def generated_class(tag: str) -> type:
    return type(getattr(Resources(runner=None), tag))  # type: ignore[arg-type]


def generated_signature(tag: str, name: str) -> str:
    """The method's signature as `inspect` prints it, without `self` and the per-call options."""
    return f"oc.{tag}.{name}{shown(getattr(generated_class(tag), name), leave_out=PER_CALL)}"


def call_after(lines: list[str], heading: str) -> str:
    """The first `oc.` line after `heading` (the notes, `# ` lines, come between)."""
    index = lines.index(heading) + 1
    while lines[index].startswith("# "):
        index += 1
    return lines[index]


def test_every_operation_of_the_spec_is_listed_with_its_http_method_path_and_signature(
    oc: Offcloud,
) -> None:
    lines = committed()
    resources = section(lines, "Resources")
    for operation_id, (method, path, operation) in spec_operations().items():
        (tag,) = operation["tags"]
        name = method_name(operation_id, tag)
        heading = f"# {method.upper()} {path}: {' '.join(operation['summary'].split())}"
        assert heading in resources, operation_id
        call = call_after(resources, heading)
        facade, generated = type(getattr(oc, tag)), generated_class(tag)
        listed = call.removeprefix(f"oc.{tag}.").split("(")[0]
        if listed == name:
            # The client's method is the generated one (or one of the same signature).
            assert call == generated_signature(tag, name), operation_id
            assert shown(getattr(facade, name), leave_out=PER_CALL) == shown(
                getattr(generated, name), leave_out=PER_CALL
            )
        else:
            # The client gives the generated name to a helper of another signature, and reaches
            # the operation by `listed`, a method of its own with the generated signature.
            assert not hasattr(generated, listed), operation_id
            function = getattr(facade, listed)
            assert call == f"oc.{tag}.{listed}{shown(function, leave_out=PER_CALL)}"
            assert call.removeprefix(f"oc.{tag}.{listed}") == generated_signature(
                tag, name
            ).removeprefix(f"oc.{tag}.{name}")
            assert getattr(facade, name) is not getattr(generated, name)
            assert shown(getattr(facade, name)) != shown(getattr(generated, name))
            assert name in function.__code__.co_names
            assert f"oc.{tag}.{name}" in " ".join(resources[resources.index(heading) : -1])
        async_method = getattr(type(getattr(AsyncResources(runner=None), tag)), name)  # type: ignore[arg-type]
        assert inspect.iscoroutinefunction(async_method)
        assert f"### {tag}" in resources

    calls = [line for line in resources if line.startswith("oc.")]
    assert len(calls) == len(set(calls)) == len(spec_operations())
    assert not any(option in line for line in calls for option in PER_CALL)


def test_the_classic_cache_call_is_listed_as_check_hashes_and_check_as_the_helper(
    oc: Offcloud,
) -> None:
    lines = committed()
    resources, helpers = section(lines, "Resources"), section(lines, "Helpers")
    heading = next(line for line in resources if line.startswith("# POST /api/cache: "))
    assert call_after(resources, heading) == (
        "oc.cache.check_hashes(*, hashes: list[str], message_ids: list[str] | Unset = UNSET)"
        " -> CacheCheckResponse"
    )
    assert not [line for line in lines if "oc.cache.check(*" in line or "check(*, hashes" in line]
    assert "oc.cache.check(items: Iterable[str]) -> dict[str, bool]" in helpers
    assert [line for line in lines if line.startswith("oc.cache.check(")] == [
        "oc.cache.check(items: Iterable[str]) -> dict[str, bool]"
    ]

    # What the line claims: `check_hashes` sends the classic `POST /api/cache`.
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={"cachedItems": []})

    http = httpx.Client(transport=httpx.MockTransport(answer))
    with Offcloud(api_key="k", base_url="https://offcloud.invalid", http_client=http) as client:
        assert client.cache.check_hashes(hashes=["0" * 40]).cached_items == []
    assert [(r.method, r.url.path) for r in sent] == [("POST", "/api/cache")]
    http.close()


def helper_line(prefix: str, cls: type, name: str) -> str:
    """How api.md should show the public member `name` of `cls`, on `oc.<prefix>`."""
    member = inspect.getattr_static(cls, name)
    if isinstance(member, property | cached_property):
        getter = member.fget if isinstance(member, property) else member.func
        assert getter is not None
        settable = isinstance(member, property) and member.fset is not None
        returns = inspect.signature(getter).return_annotation
        return f"oc.{prefix}{name}: {returns}" + ("  # settable" if settable else "")
    return f"oc.{prefix}{name}{shown(member)}"


def public(cls: type) -> list[str]:
    return sorted(name for name in dir(cls) if not name.startswith("_"))


def own_public(cls: type) -> list[str]:
    """The public members that the hand-written classes of `cls` define (not the generated)."""
    return [
        name
        for name in public(cls)
        if next(c for c in cls.__mro__ if name in vars(c)).__module__.startswith("offcloud_sdk")
    ]


@pytest.mark.parametrize(
    ("attribute", "cls"),
    [("cloud", CloudResource), ("cache", CacheResource), ("files", FilesResource), ("", Offcloud)],
)
def test_every_helper_is_listed_with_its_signature(attribute: str, cls: type) -> None:
    lines = committed()
    resources, helpers = section(lines, "Resources"), section(lines, "Helpers")
    listed = subsections(helpers)[f"oc.{attribute}" if attribute else "oc"]
    prefix = f"{attribute}." if attribute else ""
    if cls is Offcloud:
        resource_names = {*TAGS, "files"}
        names = [name for name in public(cls) if name not in resource_names]
        constructor = f"Offcloud{shown(Offcloud.__init__).removesuffix(' -> None')}"
        assert constructor in listed
        expected = {constructor}
    else:
        names, expected = own_public(cls), set()
    for name in names:
        member = inspect.getattr_static(cls, name)
        as_operation = inspect.isfunction(member) and (
            f"oc.{prefix}{name}{shown(member, leave_out=PER_CALL)}" in resources
        )
        if as_operation:  # a method of the client's own that is an operation
            assert name == "check_hashes"
            continue
        expected.add(helper_line(prefix, cls, name))
    shown_lines = {line for line in listed if line.startswith(("oc.", "Offcloud("))}
    assert shown_lines == expected


def test_helpers_come_between_resources_and_models_and_say_how_the_async_client_differs() -> None:
    lines = committed()
    assert lines.index("## Resources") < lines.index("## Helpers") < lines.index("## Models")
    intro = " ".join(section(lines, "Helpers")).split("###")[0]
    for name in public(Offcloud):
        member = inspect.getattr_static(Offcloud, name)
        if not inspect.isfunction(member):
            continue
        if not hasattr(AsyncOffcloud, name):
            assert f"`oc.{name}(…)` is `await oc.a{name}(…)` there" in intro
        elif not inspect.iscoroutinefunction(getattr(AsyncOffcloud, name)):
            assert f"`oc.{name}(…)` is not awaited" in intro
    assert "`oc.with_options(…)` is not awaited" in intro
    assert "`oc.close(…)` is `await oc.aclose(…)` there" in intro


class Generated:
    def check(self, *, hashes: list[str], timeout: float | None = None) -> int:
        raise NotImplementedError


def test_a_renamed_operation_is_found_by_its_signature_and_call() -> None:
    client_name = reference()._client_name
    # `timeout` alone is not all the per-call options: the parameters are kept whole.
    keyword = "KEYWORD_ONLY"
    params = [
        {"name": "hashes", "kind": keyword, "annotation": "list[str]", "default": None},
        {"name": "timeout", "kind": keyword, "annotation": "float | None", "default": "None"},
    ]
    signature: Any = (params, "int")
    assert client_name(Generated, Generated, "check", signature) == ("check", True)

    class Renamed(Generated):
        def check(self, items: list[str]) -> bool:  # type: ignore[override]
            return False

        def check_hashes(self, *, hashes: list[str], timeout: float | None = None) -> int:
            return super().check(hashes=hashes, timeout=timeout)

    assert client_name(Renamed, Generated, "check", signature) == ("check_hashes", False)

    class Unreachable(Generated):
        def check(self, items: list[str]) -> bool:  # type: ignore[override]
            return False

        def other(self, *, hashes: list[str], timeout: float | None = None) -> int:
            return 0  # the generated signature, but it does not call `check`

    with pytest.raises(reference().ApiReferenceError, match="found: none"):
        client_name(Unreachable, Generated, "check", signature)


def test_rendering_the_committed_package_is_deterministic_and_is_the_committed_file() -> None:
    # Two child Pythons, each with its own hash seed: no set or dict order leaks into the text.
    first = reference().render_api_md(GENERATED, SPEC_PATH)
    second = reference().render_api_md(GENERATED, SPEC_PATH)
    assert first == second
    assert first.endswith("\n")
    assert not first.endswith("\n\n")
    assert "\r" not in first
    assert not [line for line in first.splitlines() if line != line.rstrip()]
    assert API_MD.read_bytes() == first.encode("utf-8")
    header = first.split("## Resources")[0]
    assert "`scripts/generate`" in header
    assert "`openapi/offcloud.yaml`" in header
    assert "`from offcloud_sdk.types import <Model>`" in header
    for option in PER_CALL:
        assert f"`{option}`" in header


def test_the_reference_is_read_from_the_given_package_not_an_installed_one(
    tmp_path: Path,
) -> None:
    # generated/ is on sys.path (editable install): the child must still read the copy.
    copy = tmp_path / "offcloud_api_client"
    shutil.copytree(GENERATED / "offcloud_api_client", copy, ignore=CACHES)
    cloud = copy / "api" / "cloud" / "__init__.py"
    source = cloud.read_text(encoding="utf-8")
    cloud.write_text(source.replace("custom_file_name: str", "renamed: str"), encoding="utf-8")

    text = reference().render_api_md(tmp_path, SPEC_PATH)
    assert "oc.cloud.add(*, url: str, renamed: str | Unset = UNSET) -> DownloadRequest" in text
    assert not (copy / "__pycache__").exists()

    with pytest.raises(reference().ApiReferenceError, match="no offcloud_api_client"):
        reference().render_api_md(tmp_path / "nowhere", SPEC_PATH)
    # Here `offcloud_api_client` is the committed one: introspect refuses to describe it as the
    # copy's.
    with pytest.raises(reference().ApiReferenceError, match="not the package under"):
        reference().introspect(tmp_path)


def test_stale_says_missing_or_out_of_date(tmp_path: Path) -> None:
    text = "# API reference\n\nbody\n"
    path = tmp_path / "api.md"
    assert reference().stale(text, path) == "api.md is missing; run scripts/generate"
    reference().write(text, path)
    assert reference().stale(text, path) is None
    path.write_bytes(text.replace("\n", "\r\n").encode())
    assert reference().stale(text, path) == "api.md is out of date; run scripts/generate"
    path.write_text(text + "more\n", encoding="utf-8")
    assert reference().stale(text, path) == "api.md is out of date; run scripts/generate"


def test_generate_writes_api_md_and_check_fails_when_it_is_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The generator itself (openapi-python-client, seconds) is replaced by a copy of the
    # committed package, which `scripts/test` checks is what the spec makes.
    generate = tool()

    def copy_committed(spec: Path, package_dir: Path) -> None:
        shutil.copytree(generate.COMMITTED, package_dir, ignore=CACHES)

    monkeypatch.setattr(generate, "generate", copy_committed)
    assert generate.main(["--output", str(tmp_path)]) == 0
    written = tmp_path / "api.md"
    assert written.read_bytes() == API_MD.read_bytes()

    monkeypatch.setattr(generate, "API_MD", written)
    capsys.readouterr()
    assert generate.main(["--check"]) == 0
    assert "offcloud_sdk/types.py match offcloud.yaml" in capsys.readouterr().out

    written.write_text(API_MD.read_text(encoding="utf-8").replace("oc.cloud.add(", "oc.cloud.put("))
    assert generate.main(["--check"]) == 1
    assert "generate: api.md is out of date; run scripts/generate" in capsys.readouterr().err

    written.unlink()
    assert generate.main(["--check"]) == 1
    assert "generate: api.md is missing; run scripts/generate" in capsys.readouterr().err
