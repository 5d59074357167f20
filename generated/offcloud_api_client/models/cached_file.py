from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CachedFile")


@_attrs_define
class CachedFile:
    """
    Attributes:
        filename (str):
        folder (list[str] | Unset): The folders the file sits in, outermost first.
        size (int | Unset): Bytes; whether `cache_info` sends sizes is not confirmed.
    """

    filename: str
    folder: list[str] | Unset = UNSET
    size: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """This model as JSON-ready data, with the API's field names."""
        filename = self.filename

        folder: list[str] | Unset = UNSET
        if not isinstance(self.folder, Unset):
            folder = self.folder

        size = self.size

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "filename": filename,
            }
        )
        if folder is not UNSET:
            field_dict["folder"] = folder
        if size is not UNSET:
            field_dict["size"] = size

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """The model read from JSON data with the API's field names; unknown fields are kept."""
        d = dict(src_dict)
        filename = d.pop("filename")

        folder = cast(list[str], d.pop("folder", UNSET))

        size = d.pop("size", UNSET)

        cached_file = cls(
            filename=filename,
            folder=folder,
            size=size,
        )

        cached_file.additional_properties = d
        return cached_file

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
