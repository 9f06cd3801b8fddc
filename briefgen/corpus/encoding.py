"""Bytes -> str for article files whose encoding nobody wrote down.

Scrapers leave UTF-8 most of the time, but Windows-1252/Latin-1 exports, Korean
CP949/EUC-KR pages and UTF-16 files saved by Windows tools (with or without a byte order
mark) are common; guessing wrong silently garbles names and quotes, so we check
plausibility instead of trusting the first codec that does not raise.  A few stray NUL
bytes in an otherwise good text file are dropped, not taken as a sign of binary data.
"""

from __future__ import annotations

import re
import unicodedata

_HANGUL_RE = re.compile(r"[\uac00-\ud7a3]")
_CONTROL_RE = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
# Lone UTF-16 surrogates (from "\ud800" escapes in JSON, or broken exports) cannot be
# written as UTF-8: they become U+FFFD wherever text enters briefgen.
SURROGATE_RE = re.compile(r"[\ud800-\udfff]")
# At most this share of NUL bytes is taken as stray damage in a text file.
_STRAY_NUL_SHARE = 0.01

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


class DecodeError(ValueError):
    """The bytes are not text (binary, or no codec gives a plausible reading)."""


def looks_binary(data: bytes) -> bool:
    """Many NUL or control bytes: an image, archive or office file, not text."""
    head = data[:8192]
    if not head:
        return False
    if head.count(0) > max(2, _STRAY_NUL_SHARE * len(head)):
        return True
    controls = sum(1 for b in head if (b < 9 or 13 < b < 32 or b == 127) and b != 0)
    return controls / len(head) > 0.05


def no_surrogates(text: str) -> str:
    """`text` with every lone surrogate replaced by U+FFFD (printable, encodable)."""
    return SURROGATE_RE.sub("\ufffd", text) if SURROGATE_RE.search(text) else text


def _plausible(text: str) -> bool:
    """Does a decoding read as text: letters, digits, punctuation and spaces, few controls?"""
    sample = text[:4000]
    if not sample:
        return False
    good = sum(1 for ch in sample if ch in "\n\r\t" or unicodedata.category(ch)[0] in "LNPZS")
    return good / len(sample) > 0.97


def _utf16_without_bom(data: bytes) -> str | None:
    """The codec of UTF-16 text saved without a byte order mark, or None.

    Latin-script UTF-16 has a NUL in every other byte, Hangul text one for each space or
    digit; which half holds them tells the byte order.  The decoding must then read as
    text (letters, digits, punctuation, spaces)."""
    head = data[:8192]
    head = head[: len(head) - len(head) % 2]
    pairs = len(head) // 2
    if pairs < 2:
        return None
    zero_even = head[0::2].count(0) / pairs
    zero_odd = head[1::2].count(0) / pairs
    # NULs in one half only (spaces and digits between Hangul are enough to show it)
    if zero_odd >= 0.05 and zero_even <= zero_odd / 10:
        return "utf-16-le"
    if zero_even >= 0.05 and zero_odd <= zero_even / 10:
        return "utf-16-be"
    return None


def _decode_utf16(data: bytes, codec: str) -> str | None:
    even = data[: len(data) - len(data) % 2]
    try:
        text = even.decode(codec)
    except UnicodeDecodeError:
        text = even.decode(codec, errors="replace")
        if text.count("\ufffd") > max(3, len(text) // 200):
            return None
    return text if _plausible(text) else None


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name).  Raises DecodeError for binary data.

    The name says what was repaired: "utf-8, 2 NUL bytes dropped"."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec.replace("-sig", ""), errors="strict")
            except UnicodeDecodeError as e:
                if codec == "utf-8-sig":
                    text = data[len(bom) :].decode("utf-8", errors="replace")
                else:
                    raise DecodeError(f"broken {codec[:6].upper()} text ({e.reason})") from None
            return no_surrogates(text.replace("\x00", "")), codec
    if b"\x00" in data[:8192]:
        codec16 = _utf16_without_bom(data)
        if codec16 is not None:
            text16 = _decode_utf16(data, codec16)
            if text16 is not None:
                return no_surrogates(text16.replace("\x00", "")), f"{codec16} (no BOM)"
    note = ""
    nuls = data.count(0)
    if nuls:
        if looks_binary(data) or nuls > _STRAY_NUL_SHARE * len(data) + 2:
            raise DecodeError("binary data, not text")
        data = data.replace(b"\x00", b"")
        note = f", {nuls} NUL byte{'s' if nuls > 1 else ''} dropped"
    elif looks_binary(data):
        raise DecodeError("binary data, not text")
    text, codec = _decode_text(data)
    return text, codec + note


def _decode_text(data: bytes) -> tuple[str, str]:
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
    # UTF-16 in a script without NUL bytes (Hangul): only when it reads as text
    if len(data) % 2 == 0:
        for codec in ("utf-16-le", "utf-16-be"):
            text16 = _decode_utf16(data, codec)
            if (
                text16 is not None
                and len(_HANGUL_RE.findall(text16[:4000])) > len(text16[:4000]) // 3
            ):
                return no_surrogates(text16), f"{codec} (no BOM)"
    try:
        text = data.decode("cp1252")
        codec = "cp1252"
    except UnicodeDecodeError:
        text = data.decode("latin-1")
        codec = "latin-1"
    if len(_CONTROL_RE.findall(text)) > max(3, len(text) // 100):
        raise DecodeError("undecodable text (not UTF-8, UTF-16, Windows-1252 or CP949)")
    return text, codec
