from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Site")


@_attrs_define
class Site:
    """A supported site, in the classic (rich) or 2026 (`name`, `status`) shape.

    Attributes:
        name (str):
        status (str | Unset): 2026 API; `up` when usable.
        display_name (str | Unset):
        hosts (list[str] | Unset):
        is_active (bool | str | Unset): Classic health word, e.g. `Healthy`, `Dead`, `Cloud only`, `Limited`.
        no_instant_download (bool | Unset):
        is_video_streaming (bool | Unset):
        max_amount_per_user (int | str | Unset):
        max_chunks (int | Unset):
        max_chunks_global (int | Unset):
    """

    name: str
    status: str | Unset = UNSET
    display_name: str | Unset = UNSET
    hosts: list[str] | Unset = UNSET
    is_active: bool | str | Unset = UNSET
    no_instant_download: bool | Unset = UNSET
    is_video_streaming: bool | Unset = UNSET
    max_amount_per_user: int | str | Unset = UNSET
    max_chunks: int | Unset = UNSET
    max_chunks_global: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the API's field names."""
        name = self.name

        status = self.status

        display_name = self.display_name

        hosts: list[str] | Unset = UNSET
        if not isinstance(self.hosts, Unset):
            hosts = self.hosts

        is_active: bool | str | Unset
        if isinstance(self.is_active, Unset):
            is_active = UNSET
        else:
            is_active = self.is_active

        no_instant_download = self.no_instant_download

        is_video_streaming = self.is_video_streaming

        max_amount_per_user: int | str | Unset
        if isinstance(self.max_amount_per_user, Unset):
            max_amount_per_user = UNSET
        else:
            max_amount_per_user = self.max_amount_per_user

        max_chunks = self.max_chunks

        max_chunks_global = self.max_chunks_global

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if status is not UNSET:
            field_dict["status"] = status
        if display_name is not UNSET:
            field_dict["displayName"] = display_name
        if hosts is not UNSET:
            field_dict["hosts"] = hosts
        if is_active is not UNSET:
            field_dict["isActive"] = is_active
        if no_instant_download is not UNSET:
            field_dict["noInstantDownload"] = no_instant_download
        if is_video_streaming is not UNSET:
            field_dict["isVideoStreaming"] = is_video_streaming
        if max_amount_per_user is not UNSET:
            field_dict["maxAmountPerUser"] = max_amount_per_user
        if max_chunks is not UNSET:
            field_dict["maxChunks"] = max_chunks
        if max_chunks_global is not UNSET:
            field_dict["maxChunksGlobal"] = max_chunks_global

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """The model read from JSON data with the API's field names; unknown fields are kept."""
        d = dict(src_dict)
        name = d.pop("name")

        status = d.pop("status", UNSET)

        display_name = d.pop("displayName", UNSET)

        hosts = cast(list[str], d.pop("hosts", UNSET))

        def _parse_is_active(data: object) -> bool | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(bool | str | Unset, data)

        is_active = _parse_is_active(d.pop("isActive", UNSET))

        no_instant_download = d.pop("noInstantDownload", UNSET)

        is_video_streaming = d.pop("isVideoStreaming", UNSET)

        def _parse_max_amount_per_user(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        max_amount_per_user = _parse_max_amount_per_user(
            d.pop("maxAmountPerUser", UNSET)
        )

        max_chunks = d.pop("maxChunks", UNSET)

        max_chunks_global = d.pop("maxChunksGlobal", UNSET)

        site = cls(
            name=name,
            status=status,
            display_name=display_name,
            hosts=hosts,
            is_active=is_active,
            no_instant_download=no_instant_download,
            is_video_streaming=is_video_streaming,
            max_amount_per_user=max_amount_per_user,
            max_chunks=max_chunks,
            max_chunks_global=max_chunks_global,
        )

        site.additional_properties = d
        return site

    @property
    def additional_keys(self) -> list[str]:
        """The names of the fields the spec does not describe."""
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
