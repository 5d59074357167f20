from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DownloadRequest")


@_attrs_define
class DownloadRequest:
    """A download request as `cloud_add`, `instant_add` and `remote_add` answer it. `status` is
    `created`, `downloading`, `downloaded` or `error` (plus other words, see
    `RequestStatus`). Remote answers have no `url` or `fileName`.

        Attributes:
            request_id (str): 24 hex digits.
            status (str):
            file_name (str | Unset):
            original_link (str | Unset): The link, magnet or torrent URL that was added.
            site (str | Unset): `BitTorrent` for magnets, else the hoster.
            url (str | Unset): Cloud: the base link `https://{server}.offcloud.com/cloud/download/{requestId}`.
                Instant: the direct link.
            created_on (str | Unset): ISO 8601 time.
    """

    request_id: str
    status: str
    file_name: str | Unset = UNSET
    original_link: str | Unset = UNSET
    site: str | Unset = UNSET
    url: str | Unset = UNSET
    created_on: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the API's field names."""
        request_id = self.request_id

        status = self.status

        file_name = self.file_name

        original_link = self.original_link

        site = self.site

        url = self.url

        created_on = self.created_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "requestId": request_id,
                "status": status,
            }
        )
        if file_name is not UNSET:
            field_dict["fileName"] = file_name
        if original_link is not UNSET:
            field_dict["originalLink"] = original_link
        if site is not UNSET:
            field_dict["site"] = site
        if url is not UNSET:
            field_dict["url"] = url
        if created_on is not UNSET:
            field_dict["createdOn"] = created_on

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """The model read from JSON data with the API's field names; unknown fields are kept."""
        d = dict(src_dict)
        request_id = d.pop("requestId")

        status = d.pop("status")

        file_name = d.pop("fileName", UNSET)

        original_link = d.pop("originalLink", UNSET)

        site = d.pop("site", UNSET)

        url = d.pop("url", UNSET)

        created_on = d.pop("createdOn", UNSET)

        download_request = cls(
            request_id=request_id,
            status=status,
            file_name=file_name,
            original_link=original_link,
            site=site,
            url=url,
            created_on=created_on,
        )

        download_request.additional_properties = d
        return download_request

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
