from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CloudAddRequest")


@_attrs_define
class CloudAddRequest:
    """
    Attributes:
        url (str): A hoster link, magnet, .torrent URL, or the URL `torrents_upload` returned.
        custom_file_name (str | Unset): Undocumented; names the download (seen for NZB files).
    """

    url: str
    custom_file_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the API's field names."""
        url = self.url

        custom_file_name = self.custom_file_name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "url": url,
            }
        )
        if custom_file_name is not UNSET:
            field_dict["customFileName"] = custom_file_name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """The model read from JSON data with the API's field names; unknown fields are kept."""
        d = dict(src_dict)
        url = d.pop("url")

        custom_file_name = d.pop("customFileName", UNSET)

        cloud_add_request = cls(
            url=url,
            custom_file_name=custom_file_name,
        )

        cloud_add_request.additional_properties = d
        return cloud_add_request

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
