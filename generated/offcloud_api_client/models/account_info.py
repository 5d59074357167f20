from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AccountInfo")


@_attrs_define
class AccountInfo:
    """
    Attributes:
        user_id (str):
        is_premium (bool): `false`: a free account, which cannot download.
        expiration_date (str | Unset): Premium expiry, `YYYY-MM-DD`.
        can_download (bool | Unset): `false`: an account problem that Offcloud support has to fix.
        email (str | Unset): Read by two clients; not in the observed payload.
    """

    user_id: str
    is_premium: bool
    expiration_date: str | Unset = UNSET
    can_download: bool | Unset = UNSET
    email: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_id = self.user_id

        is_premium = self.is_premium

        expiration_date = self.expiration_date

        can_download = self.can_download

        email = self.email

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "user_id": user_id,
                "is_premium": is_premium,
            }
        )
        if expiration_date is not UNSET:
            field_dict["expiration_date"] = expiration_date
        if can_download is not UNSET:
            field_dict["can_download"] = can_download
        if email is not UNSET:
            field_dict["email"] = email

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        user_id = d.pop("user_id")

        is_premium = d.pop("is_premium")

        expiration_date = d.pop("expiration_date", UNSET)

        can_download = d.pop("can_download", UNSET)

        email = d.pop("email", UNSET)

        account_info = cls(
            user_id=user_id,
            is_premium=is_premium,
            expiration_date=expiration_date,
            can_download=can_download,
            email=email,
        )

        account_info.additional_properties = d
        return account_info

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
