"""A demo school's logo: a round badge in the school's colours with its initials, drawn
here so the demo needs no image files."""

from io import BytesIO

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont
from wagtail.images.models import Image

SIZE = 256


def demo_logo(school):
    initials = "".join(word[0] for word in school.short_name.split())[:2].upper()
    picture = PillowImage.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    draw = ImageDraw.Draw(picture)
    draw.ellipse((4, 4, SIZE - 4, SIZE - 4), fill=school.brand_colour, outline="#ffffff", width=10)
    draw.ellipse((28, 28, SIZE - 28, SIZE - 28), outline=school.accent_colour, width=8)
    font = ImageFont.load_default(size=104)
    draw.text((SIZE / 2, SIZE / 2), initials, fill="#ffffff", font=font, anchor="mm")
    buffer = BytesIO()
    picture.save(buffer, format="PNG")
    return Image.objects.create(
        title=f"{school.name} logo",
        file=ImageFile(buffer, name=f"{school.key}-logo.png"),
    )
