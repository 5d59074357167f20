from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.request_status import RequestStatus


T = TypeVar("T", bound="StatusBatchResponse")


@_attrs_define
class StatusBatchResponse:
    """
    Attributes:
        requests (list[RequestStatus]):
    """

    requests: list[RequestStatus]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the API's field names."""
        requests = []
        for requests_item_data in self.requests:
            requests_item = requests_item_data.to_dict()
            requests.append(requests_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "requests": requests,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """The model read from JSON data with the API's field names; unknown fields are kept."""
        from ..models.request_status import RequestStatus

        d = dict(src_dict)
        requests = []
        _requests = d.pop("requests")
        for requests_item_data in _requests:
            requests_item = RequestStatus.from_dict({**requests_item_data})

            requests.append(requests_item)

        status_batch_response = cls(
            requests=requests,
        )

        status_batch_response.additional_properties = d
        return status_batch_response

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
