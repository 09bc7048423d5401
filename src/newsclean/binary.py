"""What makes bytes binary rather than text: a known file signature, or too many control bytes.

The rules, in the order :func:`newsclean.inputs.read_input` applies them (docs/robustness.md
has the whole list with the decoding rules around them):

1. a file signature at the start: :data:`SIGNATURES` (PDF, PNG, JPEG, ZIP and Office, MP4...);
2. control bytes (C0 but tab, line feed, vertical tab, form feed and carriage return; DEL) over
   :data:`MAX_CONTROL_SHARE` of the input;
3. once decoded from another encoding than UTF-8, control characters (the same, and C1) over
   that share of the characters;
4. undecodable sequences (U+FFFD where no character could be read) over
   :data:`MAX_UNDECODABLE_SHARE` of the characters, unless a BOM declared the encoding.

Past these rules, a line made mostly of control characters (:func:`mostly_control`) is still
never body: the chrome stage labels it ``control-characters``.

>>> signature(b"%PDF-1.7\\n%\\xe2\\xe3\\xcf\\xd3\\n1 0 obj")
'PDF document'
>>> signature("Storm hits coast".encode()) is None
True
>>> f"{control_share(bytes(range(256))):.3f}"
'0.109'
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

#: Random bytes hold 28/256 (10.9%) control bytes, binary formats 20-60%, text none or a few
#: strays (the whole evaluation corpus, 3,281 pages: one control byte in all).
MAX_CONTROL_SHARE = 0.05
#: Random bytes read as UTF-8 are mostly undecodable; UTF-8 text with damaged bytes a few percent.
MAX_UNDECODABLE_SHARE = 0.30

#: Control bytes: C0 but ``\t \n \v \f \r`` (text uses them), and DEL.
CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])
_NOT_CONTROL = bytes(sorted(set(range(256)) - set(CONTROL_BYTES)))
#: Control characters in decoded text: the control bytes' code points and C1 (U+0080-U+009F).
CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_CONTROL_CHARS = CONTROL_CHARS


def control_share(data: bytes) -> float:
    """The share of ``data`` that is control bytes (0.0 for no data)."""
    if not data:
        return 0.0
    return len(data.translate(None, _NOT_CONTROL)) / len(data)


def control_chars_over(text: str, share: float = MAX_CONTROL_SHARE) -> float | None:
    """The share of ``text`` that is control characters when it is over ``share``, else None.

    Matches are counted one by one only until the share is passed (then one pass at C speed
    measures it), so a long text of control characters costs no Python loop over all of them.

    >>> control_chars_over("\\x00\\x01ab"), control_chars_over("a\\x00" + "b" * 98)
    (0.5, None)
    """
    allowed = int(len(text) * share)
    for found, _ in enumerate(_CONTROL_CHARS.finditer(text), 1):
        if found > allowed:
            return (len(text) - len(_CONTROL_CHARS.sub("", text))) / len(text)
    return None


# White space that is not a control character (``\\s`` also matches U+001C-U+001F and U+0085).
_SPACE = re.compile(r"[^\S\x1c-\x1f\x85]+")


def mostly_control(text: str) -> bool:
    """True when control characters are more than half of ``text``'s characters, white space aside.

    >>> mostly_control("\\x00\\x01\\x02 ab"), mostly_control("caf\\x00e"), mostly_control("   ")
    (True, False, False)
    """
    if _CONTROL_CHARS.search(text) is None:
        return False
    controls = len(text) - len(_CONTROL_CHARS.sub("", text))
    return controls > len(_SPACE.sub("", text)) / 2


def percent(share: float) -> str:
    """A share as a whole percentage, never rounded down to 0% or up to 100%.

    >>> percent(0.38), percent(0.999), percent(1.0)
    ('38%', '99%', '100%')
    """
    value = round(share * 100)
    if share < 1.0:
        value = min(value, 99)
    return f"{max(value, 1)}%"


# --- signatures ---------------------------------------------------------------------------------

Refine = Callable[[bytes], "str | None"]


@dataclass(frozen=True, slots=True)
class Signature:
    """A format's magic bytes at ``offset``; ``refine`` (when set) reads further to name the
    format more exactly, or returns None when the rest of the header does not match."""

    magic: bytes
    name: str
    offset: int = 0
    refine: Refine | None = None


_OFFICE = ((b"word/document", "Word document (.docx)"), (b"xl/workbook", "Excel workbook (.xlsx)"),
           (b"ppt/presentation", "PowerPoint presentation (.pptx)"))


def _zip(data: bytes) -> str:
    # The first member's name (local file header: name length at 26, name at 30) and, for an
    # Office file, the central directory's member names at the end.
    first = data[30:30 + int.from_bytes(data[26:28], "little")]
    if first == b"mimetype":
        head = data[30:200]
        if b"application/epub+zip" in head:
            return "EPUB book"
        if b"application/vnd.oasis.opendocument" in head:
            return "OpenDocument file"
    ends = data[:65_536] + data[-65_536:]
    for member, name in _OFFICE:
        if member in ends:
            return name
    return "ZIP archive"


_ISO_MEDIA = {b"qt  ": "QuickTime video", b"M4A ": "MPEG-4 audio", b"M4V ": "MPEG-4 video",
              b"heic": "HEIF image", b"heix": "HEIF image", b"mif1": "HEIF image", b"msf1": "HEIF image",
              b"avif": "AVIF image", b"3gp4": "3GP video", b"3gp5": "3GP video", b"3g2a": "3GP video"}
_RIFF = {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}


def _iso_media(data: bytes) -> str | None:
    # The "ftyp" box comes first, and its size (a big-endian 32-bit number) is small.
    return _ISO_MEDIA.get(data[8:12], "MP4 video") if data.startswith(b"\x00\x00\x00") else None


def _riff(data: bytes) -> str | None:
    return _RIFF.get(data[8:12])


def _pe(data: bytes) -> str | None:
    # "MZ" alone also opens words; a Windows executable points at its "PE\0\0" header.
    at = int.from_bytes(data[0x3C:0x40], "little")
    return "Windows executable" if data[at:at + 4] == b"PE\x00\x00" else None


#: Formats known by their first bytes. Magic made only of letters is followed by bytes no text
#: holds (a version byte, a NUL) wherever the format allows, so that no sentence matches.
SIGNATURES: tuple[Signature, ...] = (
    Signature(b"%PDF-", "PDF document"),
    Signature(b"\x89PNG\r\n\x1a\n", "PNG image"),
    Signature(b"\xff\xd8\xff", "JPEG image"),
    Signature(b"GIF87a", "GIF image"),
    Signature(b"GIF89a", "GIF image"),
    Signature(b"RIFF", "RIFF media file", refine=_riff),
    Signature(b"ftyp", "MP4 video", offset=4, refine=_iso_media),
    Signature(b"\x1aE\xdf\xa3", "WebM/Matroska video"),
    Signature(b"OggS\x00", "Ogg audio or video"),
    Signature(b"fLaC\x00", "FLAC audio"),
    Signature(b"ID3", "MP3 audio", refine=lambda d: "MP3 audio" if d[3:4] in (b"\x02", b"\x03", b"\x04")
              else None),
    Signature(b"II*\x00", "TIFF image"),
    Signature(b"MM\x00*", "TIFF image"),
    Signature(b"8BPS\x00", "Photoshop image"),
    Signature(b"wOFF\x00", "WOFF font"),
    Signature(b"wOF2\x00", "WOFF2 font"),
    Signature(b"PK\x03\x04", "ZIP archive", refine=_zip),
    Signature(b"PK\x05\x06", "ZIP archive (empty)"),
    Signature(b"PK\x07\x08", "ZIP archive"),
    Signature(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office document (.doc, .xls or .ppt)"),
    Signature(b"Rar!\x1a\x07", "RAR archive"),
    Signature(b"7z\xbc\xaf'\x1c", "7-Zip archive"),
    Signature(b"ustar", "tar archive", offset=257),
    Signature(b"\x1f\x8b", "gzip-compressed data"),
    Signature(b"BZh", "bzip2-compressed data", refine=lambda d: "bzip2-compressed data"
              if d[4:10] in (b"1AY&SY", b"\x17rE8P\x90") else None),
    Signature(b"\xfd7zXZ\x00", "xz-compressed data"),
    Signature(b"(\xb5/\xfd", "zstd-compressed data (not read: decompress it first)"),
    Signature(b"\x04\x22\x4d\x18", "LZ4-compressed data"),
    Signature(b"SQLite format 3\x00", "SQLite database"),
    Signature(b"\x00asm", "WebAssembly module"),
    Signature(b"\x7fELF", "ELF executable"),
    Signature(b"MZ", "Windows executable", refine=_pe),
    Signature(b"\xcf\xfa\xed\xfe", "Mach-O executable"),
    Signature(b"\xce\xfa\xed\xfe", "Mach-O executable"),
    Signature(b"\xfe\xed\xfa\xcf", "Mach-O executable"),
    Signature(b"\xfe\xed\xfa\xce", "Mach-O executable"),
    Signature(b"\xca\xfe\xba\xbe", "Java class file or Mach-O universal binary"),
)


def signature(data: bytes) -> str | None:
    """The name of the binary format ``data`` opens with, or None when it has no known signature.

    >>> signature(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00\\x00\\rIHDR"), signature(b"MZ Wallace bags")
    ('PNG image', None)
    """
    for sig in SIGNATURES:
        if data.startswith(sig.magic, sig.offset):
            name = sig.name if sig.refine is None else sig.refine(data)
            if name is not None:
                return name
    return None
