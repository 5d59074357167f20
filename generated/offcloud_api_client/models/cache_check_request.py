from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CacheCheckRequest")


@_attrs_define
class CacheCheckRequest:
    """
    Attributes:
        hashes (list[str]): BitTorrent info hashes, lowercase.
        message_ids (list[str] | Unset): Usenet message ids (Gaia).
    """

    hashes: list[str]
    message_ids: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the API's field names."""
        hashes = self.hashes

        message_ids: list[str] | Unset = UNSET
        if not isinstance(self.message_ids, Unset):
            message_ids = self.message_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "hashes": hashes,
            }
        )
        if message_ids is not UNSET:
            field_dict["messageIds"] = message_ids

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """The model read from JSON data with the API's field names; unknown fields are kept."""
        d = dict(src_dict)
        hashes = cast(list[str], d.pop("hashes"))

        message_ids = cast(list[str], d.pop("messageIds", UNSET))

        cache_check_request = cls(
            hashes=hashes,
            message_ids=message_ids,
        )

        cache_check_request.additional_properties = d
        return cache_check_request

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
