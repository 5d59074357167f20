from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="HistoryItem")


@_attrs_define
class HistoryItem:
    """One entry of a history list. Instant entries carry `downloadLink`.

    Attributes:
        request_id (str):
        file_name (str | Unset):
        status (str | Unset): See `RequestStatus` for the known words.
        original_link (str | Unset):
        created_on (str | Unset):
        server (str | Unset):
        is_directory (bool | Unset):
        file_size (int | str | Unset):
        site (str | Unset):
        user_id (str | Unset):
        meta_data (str | Unset): `hide` marks internal entries clients skip.
        download_link (str | Unset):
        message (str | Unset):
        progress (float | Unset):
    """

    request_id: str
    file_name: str | Unset = UNSET
    status: str | Unset = UNSET
    original_link: str | Unset = UNSET
    created_on: str | Unset = UNSET
    server: str | Unset = UNSET
    is_directory: bool | Unset = UNSET
    file_size: int | str | Unset = UNSET
    site: str | Unset = UNSET
    user_id: str | Unset = UNSET
    meta_data: str | Unset = UNSET
    download_link: str | Unset = UNSET
    message: str | Unset = UNSET
    progress: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the API's field names."""
        request_id = self.request_id

        file_name = self.file_name

        status = self.status

        original_link = self.original_link

        created_on = self.created_on

        server = self.server

        is_directory = self.is_directory

        file_size: int | str | Unset
        if isinstance(self.file_size, Unset):
            file_size = UNSET
        else:
            file_size = self.file_size

        site = self.site

        user_id = self.user_id

        meta_data = self.meta_data

        download_link = self.download_link

        message = self.message

        progress = self.progress

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "requestId": request_id,
            }
        )
        if file_name is not UNSET:
            field_dict["fileName"] = file_name
        if status is not UNSET:
            field_dict["status"] = status
        if original_link is not UNSET:
            field_dict["originalLink"] = original_link
        if created_on is not UNSET:
            field_dict["createdOn"] = created_on
        if server is not UNSET:
            field_dict["server"] = server
        if is_directory is not UNSET:
            field_dict["isDirectory"] = is_directory
        if file_size is not UNSET:
            field_dict["fileSize"] = file_size
        if site is not UNSET:
            field_dict["site"] = site
        if user_id is not UNSET:
            field_dict["userId"] = user_id
        if meta_data is not UNSET:
            field_dict["metaData"] = meta_data
        if download_link is not UNSET:
            field_dict["downloadLink"] = download_link
        if message is not UNSET:
            field_dict["message"] = message
        if progress is not UNSET:
            field_dict["progress"] = progress

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """The model read from JSON data with the API's field names; unknown fields are kept."""
        d = dict(src_dict)
        request_id = d.pop("requestId")

        file_name = d.pop("fileName", UNSET)

        status = d.pop("status", UNSET)

        original_link = d.pop("originalLink", UNSET)

        created_on = d.pop("createdOn", UNSET)

        server = d.pop("server", UNSET)

        is_directory = d.pop("isDirectory", UNSET)

        def _parse_file_size(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        file_size = _parse_file_size(d.pop("fileSize", UNSET))

        site = d.pop("site", UNSET)

        user_id = d.pop("userId", UNSET)

        meta_data = d.pop("metaData", UNSET)

        download_link = d.pop("downloadLink", UNSET)

        message = d.pop("message", UNSET)

        progress = d.pop("progress", UNSET)

        history_item = cls(
            request_id=request_id,
            file_name=file_name,
            status=status,
            original_link=original_link,
            created_on=created_on,
            server=server,
            is_directory=is_directory,
            file_size=file_size,
            site=site,
            user_id=user_id,
            meta_data=meta_data,
            download_link=download_link,
            message=message,
            progress=progress,
        )

        history_item.additional_properties = d
        return history_item

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
