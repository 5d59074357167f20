from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AccountLimits")


@_attrs_define
class AccountLimits:
    """What is left of each quota; `cloud` and `proxy` in bytes.

    Attributes:
        links (int | str | Unset):
        premium (int | str | Unset):
        torrent (int | str | Unset):
        streaming (int | str | Unset):
        cloud (int | str | Unset):
        proxy (int | str | Unset):
    """

    links: int | str | Unset = UNSET
    premium: int | str | Unset = UNSET
    torrent: int | str | Unset = UNSET
    streaming: int | str | Unset = UNSET
    cloud: int | str | Unset = UNSET
    proxy: int | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the API's field names."""
        links: int | str | Unset
        if isinstance(self.links, Unset):
            links = UNSET
        else:
            links = self.links

        premium: int | str | Unset
        if isinstance(self.premium, Unset):
            premium = UNSET
        else:
            premium = self.premium

        torrent: int | str | Unset
        if isinstance(self.torrent, Unset):
            torrent = UNSET
        else:
            torrent = self.torrent

        streaming: int | str | Unset
        if isinstance(self.streaming, Unset):
            streaming = UNSET
        else:
            streaming = self.streaming

        cloud: int | str | Unset
        if isinstance(self.cloud, Unset):
            cloud = UNSET
        else:
            cloud = self.cloud

        proxy: int | str | Unset
        if isinstance(self.proxy, Unset):
            proxy = UNSET
        else:
            proxy = self.proxy

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if links is not UNSET:
            field_dict["links"] = links
        if premium is not UNSET:
            field_dict["premium"] = premium
        if torrent is not UNSET:
            field_dict["torrent"] = torrent
        if streaming is not UNSET:
            field_dict["streaming"] = streaming
        if cloud is not UNSET:
            field_dict["cloud"] = cloud
        if proxy is not UNSET:
            field_dict["proxy"] = proxy

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """The model read from JSON data with the API's field names; unknown fields are kept."""
        d = dict(src_dict)

        def _parse_links(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        links = _parse_links(d.pop("links", UNSET))

        def _parse_premium(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        premium = _parse_premium(d.pop("premium", UNSET))

        def _parse_torrent(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        torrent = _parse_torrent(d.pop("torrent", UNSET))

        def _parse_streaming(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        streaming = _parse_streaming(d.pop("streaming", UNSET))

        def _parse_cloud(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        cloud = _parse_cloud(d.pop("cloud", UNSET))

        def _parse_proxy(data: object) -> int | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(int | str | Unset, data)

        proxy = _parse_proxy(d.pop("proxy", UNSET))

        account_limits = cls(
            links=links,
            premium=premium,
            torrent=torrent,
            streaming=streaming,
            cloud=cloud,
            proxy=proxy,
        )

        account_limits.additional_properties = d
        return account_limits

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
