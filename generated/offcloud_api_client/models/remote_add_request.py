from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RemoteAddRequest")


@_attrs_define
class RemoteAddRequest:
    """
    Attributes:
        url (str): A hoster link, magnet or .torrent URL.
        remote_option_id (str): The remote account's `remoteOptionId` from `remote_accounts`.
        folder_id (str | Unset): A Google Drive folder id, or a path such as `/Movies/` for other remotes.
    """

    url: str
    remote_option_id: str
    folder_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the API's field names."""
        url = self.url

        remote_option_id = self.remote_option_id

        folder_id = self.folder_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "url": url,
                "remoteOptionId": remote_option_id,
            }
        )
        if folder_id is not UNSET:
            field_dict["folderId"] = folder_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """The model read from JSON data with the API's field names; unknown fields are kept."""
        d = dict(src_dict)
        url = d.pop("url")

        remote_option_id = d.pop("remoteOptionId")

        folder_id = d.pop("folderId", UNSET)

        remote_add_request = cls(
            url=url,
            remote_option_id=remote_option_id,
            folder_id=folder_id,
        )

        remote_add_request.additional_properties = d
        return remote_add_request

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
