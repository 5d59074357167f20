from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CacheCheckResponse")


@_attrs_define
class CacheCheckResponse:
    """
    Attributes:
        cached_items (list[str]): The hashes that are cached.
        claimed_items (list[str] | Unset): The usenet message ids that are cached.
    """

    cached_items: list[str]
    claimed_items: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the API's field names."""
        cached_items = self.cached_items

        claimed_items: list[str] | Unset = UNSET
        if not isinstance(self.claimed_items, Unset):
            claimed_items = self.claimed_items

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cachedItems": cached_items,
            }
        )
        if claimed_items is not UNSET:
            field_dict["claimedItems"] = claimed_items

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """The model read from JSON data with the API's field names; unknown fields are kept."""
        d = dict(src_dict)
        cached_items = cast(list[str], d.pop("cachedItems"))

        claimed_items = cast(list[str], d.pop("claimedItems", UNSET))

        cache_check_response = cls(
            cached_items=cached_items,
            claimed_items=claimed_items,
        )

        cache_check_response.additional_properties = d
        return cache_check_response

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
