from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AccountInfo")


@_attrs_define
class AccountInfo:
    """The fields of the recorded payload are required but `expiration_date`, which a free
    account has no value for. No free account's answer has been recorded: it may leave
    the field out or send `null` (the sandbox sends `null`), so both are accepted.

        Attributes:
            user_id (str):
            is_premium (bool): `false`: a free account, which cannot download.
            can_download (bool): `false`: an account problem that Offcloud support has to fix.
            expiration_date (None | str | Unset): Premium expiry, `YYYY-MM-DD`; absent or `null` for a free account.
            email (str | Unset): Read by two clients; not in the observed payload.
    """

    user_id: str
    is_premium: bool
    can_download: bool
    expiration_date: None | str | Unset = UNSET
    email: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the API's field names."""
        user_id = self.user_id

        is_premium = self.is_premium

        can_download = self.can_download

        expiration_date: None | str | Unset
        if isinstance(self.expiration_date, Unset):
            expiration_date = UNSET
        else:
            expiration_date = self.expiration_date

        email = self.email

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "user_id": user_id,
                "is_premium": is_premium,
                "can_download": can_download,
            }
        )
        if expiration_date is not UNSET:
            field_dict["expiration_date"] = expiration_date
        if email is not UNSET:
            field_dict["email"] = email

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """The model read from JSON data with the API's field names; unknown fields are kept."""
        d = dict(src_dict)
        user_id = d.pop("user_id")

        is_premium = d.pop("is_premium")

        can_download = d.pop("can_download")

        def _parse_expiration_date(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        expiration_date = _parse_expiration_date(d.pop("expiration_date", UNSET))

        email = d.pop("email", UNSET)

        account_info = cls(
            user_id=user_id,
            is_premium=is_premium,
            can_download=can_download,
            expiration_date=expiration_date,
            email=email,
        )

        account_info.additional_properties = d
        return account_info

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
