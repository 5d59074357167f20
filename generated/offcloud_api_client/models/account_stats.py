from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.account_limits import AccountLimits
    from ..models.account_stats_additional_tags import AccountStatsAdditionalTags


T = TypeVar("T", bound="AccountStats")


@_attrs_define
class AccountStats:
    """
    Attributes:
        user_id (str):
        email (str | Unset):
        is_premium (bool | Unset):
        expiration_date (int | str | Unset): `dd-mm-YYYY` text (classic) or a Unix time (web variant).
        limits (AccountLimits | Unset): What is left of each quota; `cloud` and `proxy` in bytes.
        membership_type (str | Unset): Web variant: `Lifetime`, or empty.
        additional_tags (AccountStatsAdditionalTags | Unset): Web variant: add-ons such as `{"mega": …}`.
    """

    user_id: str
    email: str | Unset = UNSET
    is_premium: bool | Unset = UNSET
    expiration_date: int | str | Unset = UNSET
    limits: AccountLimits | Unset = UNSET
    membership_type: str | Unset = UNSET
    additional_tags: AccountStatsAdditionalTags | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the API's field names."""
        user_id = self.user_id

        email = self.email

        is_premium = self.is_premium

        expiration_date: int | str | Unset
        if isinstance(self.expiration_date, Unset):
            expiration_date = UNSET
        else:
            expiration_date = self.expiration_date

        limits: dict[str, Any] | Unset = UNSET
        if not isinstance(self.limits, Unset):
            limits = self.limits.to_dict()

        membership_type = self.membership_type

        additional_tags: dict[str, Any] | Unset = UNSET
        if not isinstance(self.additional_tags, Unset):
            additional_tags = self.additional_tags.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "userId": user_id,
            }
        )
        if email is not UNSET:
            field_dict["email"] = email
        if is_premium is not UNSET:
            field_dict["isPremium"] = is_premium
        if expiration_date is not UNSET:
            field_dict["expirationDate"] = expiration_date
        if limits is not UNSET:
            field_dict["limits"] = limits
        if membership_type is not UNSET:
            field_dict["membershipType"] = membership_type
        if additional_tags is not UNSET:
            field_dict["additionalTags"] = additional_tags

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """The model read from JSON data with the API's field names; unknown fields are kept."""
        from ..models.account_limits import AccountLimits
        from ..models.account_stats_additional_tags import AccountStatsAdditionalTags

        d = dict(src_dict)
        user_id = d.pop("userId")

        email = d.pop("email", UNSET)

        is_premium = d.pop("isPremium", UNSET)

        def _parse_expiration_date(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        expiration_date = _parse_expiration_date(d.pop("expirationDate", UNSET))

        _limits = d.pop("limits", UNSET)
        limits: AccountLimits | Unset
        if isinstance(_limits, Unset):
            limits = UNSET
        else:
            limits = AccountLimits.from_dict({**_limits})

        membership_type = d.pop("membershipType", UNSET)

        _additional_tags = d.pop("additionalTags", UNSET)
        additional_tags: AccountStatsAdditionalTags | Unset
        if isinstance(_additional_tags, Unset):
            additional_tags = UNSET
        else:
            additional_tags = AccountStatsAdditionalTags.from_dict({**_additional_tags})

        account_stats = cls(
            user_id=user_id,
            email=email,
            is_premium=is_premium,
            expiration_date=expiration_date,
            limits=limits,
            membership_type=membership_type,
            additional_tags=additional_tags,
        )

        account_stats.additional_properties = d
        return account_stats

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
