"""Bytes -> str for article files whose encoding nobody wrote down.

Scrapers leave UTF-8 most of the time, but Windows-1252/Latin-1 exports and Korean
CP949/EUC-KR pages are common; guessing wrong silently garbles names and quotes, so we
check plausibility instead of trusting the first codec that does not raise.
"""

from __future__ import annotations

import re

_HANGUL_RE = re.compile(r"[\uac00-\ud7a3]")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


class DecodeError(ValueError):
    """The bytes are not text (binary, or no codec gives a plausible reading)."""


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes: an image, archive or office file, not text."""
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32 or b == 127)
    return controls / len(head) > 0.05


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name).  Raises DecodeError for binary data."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as e:
            raise DecodeError(f"broken UTF-16 text ({e.reason})") from None
    if looks_binary(data):
        raise DecodeError("binary data, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Korean legacy encodings: accept only when the result is mostly Hangul, because many
    # Latin-1 byte pairs also happen to be valid CP949.
    for codec in ("cp949", "euc-kr"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        non_ascii = sum(1 for ch in text if ord(ch) > 127)
        if non_ascii and len(_HANGUL_RE.findall(text)) / non_ascii > 0.6:
            return text, codec
    try:
        text = data.decode("cp1252")
        codec = "cp1252"
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        codec = "latin-1"
    if len(_CONTROL_RE.findall(text)) > max(3, len(text) // 100):
        raise DecodeError("undecodable text (not UTF-8, Windows-1252 or CP949)")
    return text, codec
