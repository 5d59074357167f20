from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.request_status import RequestStatus


T = TypeVar("T", bound="RetryResponse")


@_attrs_define
class RetryResponse:
    """A retry confirmation; no payload has been recorded.

    Attributes:
        success (bool | Unset):
        status (RequestStatus | str | Unset):
    """

    success: bool | Unset = UNSET
    status: RequestStatus | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the API's field names."""
        from ..models.request_status import RequestStatus

        success = self.success

        status: dict[str, Any] | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, RequestStatus):
            status = self.status.to_dict()
        else:
            status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if success is not UNSET:
            field_dict["success"] = success
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """The model read from JSON data with the API's field names; unknown fields are kept."""
        from ..models.request_status import RequestStatus

        d = dict(src_dict)
        success = d.pop("success", UNSET)

        def _parse_status(data: object) -> RequestStatus | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                status_type_0 = RequestStatus.from_dict({**data})

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(RequestStatus | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        retry_response = cls(
            success=success,
            status=status,
        )

        retry_response.additional_properties = d
        return retry_response

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
