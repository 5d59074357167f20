from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TorrentUploadResponse")


@_attrs_define
class TorrentUploadResponse:
    """
    Attributes:
        url (str): Where the file is hosted now; pass it to `cloud_add`.
        success (bool | Unset):
        file_name (str | Unset):
    """

    url: str
    success: bool | Unset = UNSET
    file_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the API's field names."""
        url = self.url

        success = self.success

        file_name = self.file_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "url": url,
            }
        )
        if success is not UNSET:
            field_dict["success"] = success
        if file_name is not UNSET:
            field_dict["fileName"] = file_name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """The model read from JSON data with the API's field names; unknown fields are kept."""
        d = dict(src_dict)
        url = d.pop("url")

        success = d.pop("success", UNSET)

        file_name = d.pop("fileName", UNSET)

        torrent_upload_response = cls(
            url=url,
            success=success,
            file_name=file_name,
        )

        torrent_upload_response.additional_properties = d
        return torrent_upload_response

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
