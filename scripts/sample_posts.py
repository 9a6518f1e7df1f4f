"""Activity posts as staff write them, with photos as a phone's camera writes them: for the tests and the
Lighthouse benchmark (a project copy with news). Made-up posts about the shipped 2026 plans."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

POSTS = "docs/2026/hoat-dong"
SLUG = "hoi-thao-doi-moi-sang-tao"
POST = """---
title: Hội thảo “Đổi mới sáng tạo trong doanh nghiệp”
date: 21/4/2026
plan: so-khcn-lang-son
unit: Sở Khoa học và Công nghệ tỉnh Lạng Sơn
place: Hội trường Sở Khoa học và Công nghệ, thành phố Lạng Sơn
observances: [ngay-sang-tao]
photos:
  - file: IMG_20260421_093512.jpg
    alt: Đại biểu dự hội thảo trong hội trường
    caption: Toàn cảnh hội thảo
    credit: "Ảnh: Sở KH&CN Lạng Sơn"
  - file: trung-bay.jpg
    alt: Gian trưng bày sản phẩm đổi mới sáng tạo
---

Sáng 21/4, Sở Khoa học và Công nghệ tổ chức hội thảo về **đổi mới sáng tạo** trong doanh nghiệp. Xem
thêm [trang năm 2026](../index.md).
"""


def camera_photo(path: Path, size: tuple[int, int] = (4000, 3000), orientation: int = 6, quality: int = 92) -> None:
    """A photo as a phone writes it: the sensor's pixels lying on their side with an EXIF rotation
    flag, GPS position and camera make. Upright, its top half is red and its bottom half blue; grain
    makes the file as heavy as a real one (a 4000 × 3000 photo is about 4 MB)."""
    width, height = size
    upright = Image.new("RGB", size, (40, 60, 200))
    upright.paste((200, 30, 30), (0, 0, width, height // 2))
    grain = Image.effect_noise(size, 30)
    upright = Image.blend(upright, Image.merge("RGB", (grain, grain, grain)), 0.25)
    raw = upright.transpose(Image.Transpose.ROTATE_90) if orientation == 6 else upright  # 6: turn clockwise to view
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F], exif[0x0110] = "Điện thoại", "Model X"
    exif[0x8825] = {1: "N", 2: (21.0, 51.0, 12.5), 3: "E", 4: (106.0, 45.0, 30.2)}  # GPS: Lạng Sơn
    path.parent.mkdir(parents=True, exist_ok=True)
    raw.save(path, "JPEG", quality=quality, exif=exif)



def add_posts(project: Path, more: int) -> None:
    """The post above with its camera photo, and `more` posts of one photo each, a day apart in April."""
    folder = project / POSTS
    camera_photo(folder / "IMG_20260421_093512.jpg")
    camera_photo(folder / "trung-bay.jpg", (1600, 1200), orientation=1)
    (folder / f"{SLUG}.md").write_text(POST, encoding="utf-8")
    for n in range(1, more + 1):
        camera_photo(folder / f"anh-{n}.jpg", (1600, 1200), orientation=1, quality=85)
        (folder / f"hoat-dong-{n}.md").write_text(
            f"---\ntitle: Ngày hội đổi mới sáng tạo số {n}\ndate: {n}/4/2026\nplan: so-khcn-lai-chau\n"
            f"unit: Sở Khoa học và Công nghệ tỉnh Lai Châu\nplace: Thành phố Lai Châu\nobservances: [ngay-sang-tao]\n"
            f"photos:\n  - file: anh-{n}.jpg\n    alt: Học sinh xem sản phẩm tại ngày hội số {n}\n---\n\n"
            f"Học sinh và người dân tham quan các sản phẩm đổi mới sáng tạo tại ngày hội số {n}.\n", encoding="utf-8")
