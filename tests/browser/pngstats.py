"""Decode an 8-bit RGB/RGBA PNG (what Chromium screenshots are) to judge it is not blank."""

from __future__ import annotations

import struct
import zlib
from collections import Counter
from dataclasses import dataclass


@dataclass
class Image:
    width: int
    height: int
    channels: int
    pixels: bytes  # row-major, `channels` bytes per pixel

    def colours(self, step: int = 3) -> Counter[bytes]:
        """Colour histogram over every `step`-th pixel in each direction (RGB only)."""
        c: Counter[bytes] = Counter()
        ch, w = self.channels, self.width
        for y in range(0, self.height, step):
            row = y * w * ch
            for x in range(0, w, step):
                i = row + x * ch
                c[self.pixels[i : i + 3]] += 1
        return c


def decode_png(data: bytes) -> Image:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, b""
    width = height = channels = 0
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and interlace == 0 and colour in (2, 6), (depth, colour, interlace)
            channels = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        elif kind == b"IEND":
            break
    raw = zlib.decompress(idat)
    stride = width * channels
    out = bytearray(stride * height)
    prev = bytearray(stride)
    i = 0
    for y in range(height):
        ftype = raw[i]
        line = bytearray(raw[i + 1 : i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = prev[x]
            c = prev[x - channels] if x >= channels else 0
            if ftype == 1:
                line[x] = (line[x] + a) & 0xFF
            elif ftype == 2:
                line[x] = (line[x] + b) & 0xFF
            elif ftype == 3:
                line[x] = (line[x] + ((a + b) >> 1)) & 0xFF
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[x] = (line[x] + pred) & 0xFF
        out[y * stride : (y + 1) * stride] = line
        prev = line
    return Image(width, height, channels, bytes(out))


def non_blank(image: Image) -> tuple[int, float]:
    """(distinct colours, share of pixels that differ from the most common colour)."""
    hist = image.colours()
    total = sum(hist.values())
    top = hist.most_common(1)[0][1]
    return len(hist), 1 - top / total
