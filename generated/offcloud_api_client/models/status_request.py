from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="StatusRequest")


@_attrs_define
class StatusRequest:
    """Give `requestId` for one request or `requestIds` for many.

    Attributes:
        request_id (str | Unset):
        request_ids (list[str] | Unset):
    """

    request_id: str | Unset = UNSET
    request_ids: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the API's field names."""
        request_id = self.request_id

        request_ids: list[str] | Unset = UNSET
        if not isinstance(self.request_ids, Unset):
            request_ids = self.request_ids

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if request_id is not UNSET:
            field_dict["requestId"] = request_id
        if request_ids is not UNSET:
            field_dict["requestIds"] = request_ids

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """The model read from JSON data with the API's field names; unknown fields are kept."""
        d = dict(src_dict)
        request_id = d.pop("requestId", UNSET)

        request_ids = cast(list[str], d.pop("requestIds", UNSET))

        status_request = cls(
            request_id=request_id,
            request_ids=request_ids,
        )

        status_request.additional_properties = d
        return status_request

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
