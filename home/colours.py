"""Colour contrast as WCAG 2.2 measures it, for the school's brand colours.

The brand colour is the header's and the buttons' background under white text (text:
at least 4.5:1); the accent colour marks edges and highlights on white (a user-interface
part: at least 3:1). A colour that falls short is refused with its measured ratio and the
nearest shade of the same hue that passes.
"""

import colorsys
import re

from django.core.exceptions import ValidationError

WHITE = "#ffffff"
TEXT_CONTRAST = 4.5
UI_CONTRAST = 3.0
HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def parse(colour):
    if not HEX_COLOUR.match(colour or ""):
        raise ValidationError(
            "Enter the colour as # and six hexadecimal digits, for example #1d3a5f."
        )
    return tuple(int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))


def as_hex(rgb):
    return "#" + "".join(f"{round(channel * 255):02x}" for channel in rgb)


def relative_luminance(colour):
    def linear(channel):
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in parse(colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first, second):
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def nearest_passing(colour, against=WHITE, minimum=TEXT_CONTRAST):
    """The shade of `colour` (same hue and saturation, darker or lighter) closest to it
    whose contrast with `against` reaches `minimum`."""
    hue, lightness, saturation = colorsys.rgb_to_hls(*parse(colour))
    towards_dark = relative_luminance(against) > 0.18
    step = -0.002 if towards_dark else 0.002
    while 0 <= lightness <= 1:
        candidate = as_hex(colorsys.hls_to_rgb(hue, lightness, saturation))
        if contrast_ratio(candidate, against) >= minimum:
            return candidate
        lightness += step
    return "#000000" if towards_dark else WHITE


def check_contrast(colour, minimum, role, against=WHITE):
    """Refuse `colour` when it does not reach `minimum` against `against`."""
    ratio = contrast_ratio(colour, against)
    if ratio >= minimum:
        return
    # Shown to one decimal place, rounded down, so a colour shown as 4.5:1 always passes.
    shown = int(ratio * 10) / 10
    shade = nearest_passing(colour, against, minimum)
    raise ValidationError(
        f"This colour gives a contrast of {shown}:1 {role}; WCAG 2.2 AA needs at least "
        f"{minimum:g}:1. The nearest shade that passes is {shade}."
    )
