from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CheckResponse")


@_attrs_define
class CheckResponse:
    """
    Attributes:
        logged_in (bool | int): `1` when logged in, `0` when not.
    """

    logged_in: bool | int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the API's field names."""
        logged_in: bool | int
        logged_in = self.logged_in

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "loggedIn": logged_in,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """The model read from JSON data with the API's field names; unknown fields are kept."""
        d = dict(src_dict)

        def _parse_logged_in(data: object) -> bool | int:
            return cast(bool | int, data)

        logged_in = _parse_logged_in(d.pop("loggedIn"))

        check_response = cls(
            logged_in=logged_in,
        )

        check_response.additional_properties = d
        return check_response

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
