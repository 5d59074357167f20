from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="InstantAddRequest")


@_attrs_define
class InstantAddRequest:
    """
    Attributes:
        url (str): The hoster link to fetch through a proxy.
        proxy_id (str | Unset): A proxy id from `proxies_list`; the default proxy when absent.
    """

    url: str
    proxy_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the API's field names."""
        url = self.url

        proxy_id = self.proxy_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "url": url,
            }
        )
        if proxy_id is not UNSET:
            field_dict["proxyId"] = proxy_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """The model read from JSON data with the API's field names; unknown fields are kept."""
        d = dict(src_dict)
        url = d.pop("url")

        proxy_id = d.pop("proxyId", UNSET)

        instant_add_request = cls(
            url=url,
            proxy_id=proxy_id,
        )

        instant_add_request.additional_properties = d
        return instant_add_request

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
