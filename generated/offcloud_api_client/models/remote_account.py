from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RemoteAccount")


@_attrs_define
class RemoteAccount:
    """A remote account; which fields appear differs between sources.

    Attributes:
        remote_option_id (str | Unset):
        account_id (str | Unset):
        type_ (str | Unset): e.g. `ftp`, `gdrive`.
        username (str | Unset):
        status (str | Unset):
        host (str | Unset):
        port (int | str | Unset):
        path (str | Unset):
        usage (int | str | Unset):
    """

    remote_option_id: str | Unset = UNSET
    account_id: str | Unset = UNSET
    type_: str | Unset = UNSET
    username: str | Unset = UNSET
    status: str | Unset = UNSET
    host: str | Unset = UNSET
    port: int | str | Unset = UNSET
    path: str | Unset = UNSET
    usage: int | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the API's field names."""
        remote_option_id = self.remote_option_id

        account_id = self.account_id

        type_ = self.type_

        username = self.username

        status = self.status

        host = self.host

        port: int | str | Unset
        if isinstance(self.port, Unset):
            port = UNSET
        else:
            port = self.port

        path = self.path

        usage: int | str | Unset
        if isinstance(self.usage, Unset):
            usage = UNSET
        else:
            usage = self.usage

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if remote_option_id is not UNSET:
            field_dict["remoteOptionId"] = remote_option_id
        if account_id is not UNSET:
            field_dict["accountId"] = account_id
        if type_ is not UNSET:
            field_dict["type"] = type_
        if username is not UNSET:
            field_dict["username"] = username
        if status is not UNSET:
            field_dict["status"] = status
        if host is not UNSET:
            field_dict["host"] = host
        if port is not UNSET:
            field_dict["port"] = port
        if path is not UNSET:
            field_dict["path"] = path
        if usage is not UNSET:
            field_dict["usage"] = usage

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """The model read from JSON data with the API's field names; unknown fields are kept."""
        d = dict(src_dict)
        remote_option_id = d.pop("remoteOptionId", UNSET)

        account_id = d.pop("accountId", UNSET)

        type_ = d.pop("type", UNSET)

        username = d.pop("username", UNSET)

        status = d.pop("status", UNSET)

        host = d.pop("host", UNSET)

        def _parse_port(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        port = _parse_port(d.pop("port", UNSET))

        path = d.pop("path", UNSET)

        def _parse_usage(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        usage = _parse_usage(d.pop("usage", UNSET))

        remote_account = cls(
            remote_option_id=remote_option_id,
            account_id=account_id,
            type_=type_,
            username=username,
            status=status,
            host=host,
            port=port,
            path=path,
            usage=usage,
        )

        remote_account.additional_properties = d
        return remote_account

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
