from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RequestStatus")


@_attrs_define
class RequestStatus:
    """The state of one request. Known `status` words: `created`, `queued`, `downloading`,
    `processing` (unpacking a cached archive), `uploading` (remote), `downloaded`, `error`,
    `canceled`; `fragile` has been seen too. Offcloud may add others.

        Attributes:
            status (str):
            request_id (str | Unset):
            file_name (str | Unset): The user may rename it.
            file_size (int | str | Unset): Bytes; sometimes sent as text.
            amount (int | Unset): Bytes downloaded so far.
            progress (float | Unset): 0.0 to 1.0 (2026 API).
            message (str | Unset): Free text such as speed, size and time left (2026 API).
            server (str | Unset): The storage host prefix, as in `https://{server}.offcloud.com`.
            is_directory (bool | Unset): Present once downloaded.
            is_completed (bool | Unset): Present while downloading.
            downloading_speed (float | str | Unset): Bytes per second; sometimes text.
            downloading_time (int | Unset): Probably milliseconds.
            error_message (str | Unset): Why the request failed, when `status` is `error`.
            info (str | Unset): Speed text for hoster links.
    """

    status: str
    request_id: str | Unset = UNSET
    file_name: str | Unset = UNSET
    file_size: int | str | Unset = UNSET
    amount: int | Unset = UNSET
    progress: float | Unset = UNSET
    message: str | Unset = UNSET
    server: str | Unset = UNSET
    is_directory: bool | Unset = UNSET
    is_completed: bool | Unset = UNSET
    downloading_speed: float | str | Unset = UNSET
    downloading_time: int | Unset = UNSET
    error_message: str | Unset = UNSET
    info: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the API's field names."""
        status = self.status

        request_id = self.request_id

        file_name = self.file_name

        file_size: int | str | Unset
        if isinstance(self.file_size, Unset):
            file_size = UNSET
        else:
            file_size = self.file_size

        amount = self.amount

        progress = self.progress

        message = self.message

        server = self.server

        is_directory = self.is_directory

        is_completed = self.is_completed

        downloading_speed: float | str | Unset
        if isinstance(self.downloading_speed, Unset):
            downloading_speed = UNSET
        else:
            downloading_speed = self.downloading_speed

        downloading_time = self.downloading_time

        error_message = self.error_message

        info = self.info

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
            }
        )
        if request_id is not UNSET:
            field_dict["requestId"] = request_id
        if file_name is not UNSET:
            field_dict["fileName"] = file_name
        if file_size is not UNSET:
            field_dict["fileSize"] = file_size
        if amount is not UNSET:
            field_dict["amount"] = amount
        if progress is not UNSET:
            field_dict["progress"] = progress
        if message is not UNSET:
            field_dict["message"] = message
        if server is not UNSET:
            field_dict["server"] = server
        if is_directory is not UNSET:
            field_dict["isDirectory"] = is_directory
        if is_completed is not UNSET:
            field_dict["isCompleted"] = is_completed
        if downloading_speed is not UNSET:
            field_dict["downloadingSpeed"] = downloading_speed
        if downloading_time is not UNSET:
            field_dict["downloadingTime"] = downloading_time
        if error_message is not UNSET:
            field_dict["errorMessage"] = error_message
        if info is not UNSET:
            field_dict["info"] = info

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """The model read from JSON data with the API's field names; unknown fields are kept."""
        d = dict(src_dict)
        status = d.pop("status")

        request_id = d.pop("requestId", UNSET)

        file_name = d.pop("fileName", UNSET)

        def _parse_file_size(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        file_size = _parse_file_size(d.pop("fileSize", UNSET))

        amount = d.pop("amount", UNSET)

        progress = d.pop("progress", UNSET)

        message = d.pop("message", UNSET)

        server = d.pop("server", UNSET)

        is_directory = d.pop("isDirectory", UNSET)

        is_completed = d.pop("isCompleted", UNSET)

        def _parse_downloading_speed(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        downloading_speed = _parse_downloading_speed(d.pop("downloadingSpeed", UNSET))

        downloading_time = d.pop("downloadingTime", UNSET)

        error_message = d.pop("errorMessage", UNSET)

        info = d.pop("info", UNSET)

        request_status = cls(
            status=status,
            request_id=request_id,
            file_name=file_name,
            file_size=file_size,
            amount=amount,
            progress=progress,
            message=message,
            server=server,
            is_directory=is_directory,
            is_completed=is_completed,
            downloading_speed=downloading_speed,
            downloading_time=downloading_time,
            error_message=error_message,
            info=info,
        )

        request_status.additional_properties = d
        return request_status

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
