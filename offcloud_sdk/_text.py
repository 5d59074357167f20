"""Which characters of a server's text nobody may see raw: one list for every place that shows
or stores such text (error messages, the CLI, the doctor's report, file names). No imports: the
CLI loads it for `--help`."""

from __future__ import annotations

INVISIBLE_RANGES = (
    (0x00AD, 0x00AD),  # soft hyphen
    (0x061C, 0x061C),  # Arabic letter mark
    (0x180E, 0x180E),  # Mongolian vowel separator
    (0x200B, 0x200B),  # zero-width space
    (0x200E, 0x200F),  # left-to-right and right-to-left marks
    (0x2028, 0x202E),  # line and paragraph separators; bidi embeddings and overrides
    (0x2060, 0x2064),  # word joiner, invisible operators
    (0x2066, 0x2069),  # bidi isolates
    (0xFEFF, 0xFEFF),  # zero-width no-break space
    (0xFFF9, 0xFFFB),  # interlinear annotations
    (0xE0000, 0xE007F),  # tags
)
"""Characters a terminal does not show, or that reorder or split what it shows: server text
loses them (or has them escaped) wherever it is shown or kept. Zero-width joiners stay: emoji
are made of them, and they move nothing."""
INVISIBLE = "".join(f"\\U{first:08x}-\\U{last:08x}" for first, last in INVISIBLE_RANGES)
"""`INVISIBLE_RANGES` as the body of a regular expression's character class."""
