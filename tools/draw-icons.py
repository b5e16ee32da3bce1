#!/usr/bin/env python3
"""Draws favicon.ico (16, 32 and 48 px PNGs) and apple-touch-icon.png (180 px) from the design of wwwroot/favicon.svg:
a green rounded square with a white tick. Python's standard library only, so it runs anywhere; rerun it when the
design changes and commit the files it writes.

    tools/draw-icons.py            # writes into src/PetitionSite/wwwroot
"""
import math
import os
import struct
import zlib

GREEN = (0x0B, 0x5C, 0x2F)
WHITE = (0xFF, 0xFF, 0xFF)
# favicon.svg, in its 32-unit square: the square's corner radius, the tick's points and its stroke width.
RADIUS = 6
TICK = [(8, 17), (13, 22), (24, 10)]
STROKE = 4
SAMPLES = 4  # per side: 16 samples a pixel smooth the edges


def inside_rounded_square(x, y, radius):
    cx = min(max(x, radius), 32 - radius)
    cy = min(max(y, radius), 32 - radius)
    return 0 <= x <= 32 and 0 <= y <= 32 and (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2


def distance_to_segment(px, py, a, b):
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def on_tick(x, y):
    return any(distance_to_segment(x, y, a, b) <= STROKE / 2 for a, b in zip(TICK, TICK[1:]))


def draw(size, radius):
    """RGBA rows of the icon at size x size pixels; radius 0 fills the whole square (Apple rounds it itself)."""
    rows = []
    for row in range(size):
        pixels = bytearray()
        for column in range(size):
            green = white = 0
            for sy in range(SAMPLES):
                for sx in range(SAMPLES):
                    x = (column + (sx + 0.5) / SAMPLES) * 32 / size
                    y = (row + (sy + 0.5) / SAMPLES) * 32 / size
                    if not inside_rounded_square(x, y, radius):
                        continue
                    if on_tick(x, y):
                        white += 1
                    else:
                        green += 1
            covered = green + white
            if covered == 0:
                pixels += bytes(4)
                continue
            colour = [round((g * green + w * white) / covered) for g, w in zip(GREEN, WHITE)]
            pixels += bytes(colour + [round(255 * covered / SAMPLES ** 2)])
        rows.append(bytes(pixels))
    return rows


def png(size, rows):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    raw = b"".join(b"\x00" + row for row in rows)
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b"")


def ico(images):
    """An ICO file holding PNG images, which every browser since IE 11 reads."""
    directory = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries = b""
    for size, data in images:
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return directory + entries + b"".join(data for _, data in images)


def main():
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "PetitionSite", "wwwroot")
    icons = [(size, png(size, draw(size, RADIUS))) for size in (16, 32, 48)]
    with open(os.path.join(root, "favicon.ico"), "wb") as file:
        file.write(ico(icons))
    with open(os.path.join(root, "apple-touch-icon.png"), "wb") as file:
        file.write(png(180, draw(180, 0)))


if __name__ == "__main__":
    main()
