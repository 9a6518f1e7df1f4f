"""Facts of the five source documents (shared/seeds, DOMAIN.md), written by hand for the tests.

They are not read from our YAML, so a mistake in the data fails the tests that use them.
"""

THEMES_2026_21_4 = [
    "Đổi mới sáng tạo - Hành động đột phá, lan tỏa kết quả",
    "Đổi mới sáng tạo - Chuyển đổi nhanh hơn, mạnh mẽ hơn để biến ý tưởng thành giá trị, khát vọng thành hiện thực",
]
SLOGAN_2026_21_4 = "Nhiệt liệt chào mừng Ngày Sáng tạo và Đổi mới sáng tạo thế giới - 21/4/2026"
THEME_2026_IP = "Sở hữu trí tuệ và Thể thao: Sẵn sàng - Bắt đầu - Đổi mới"
THEME_2026_ST = (
    "Khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số: Đột phá đưa đất nước bước vào kỷ nguyên giàu mạnh, thịnh vượng"
)
SLOGANS_2026_LOCAL = [
    "Nhiệt liệt chào mừng Ngày Sở hữu trí tuệ thế giới 26/4",
    "Nhiệt liệt chào mừng Ngày Khoa học và Công nghệ Việt Nam 18/5",
]
THEMES_2025 = [
    "Đổi mới sáng tạo - Nghĩ khác, Làm khác để tốt hơn",
    "Đổi mới sáng tạo - Doanh nghiệp tiên phong - Quốc gia thịnh vượng",
    "Đổi mới sáng tạo toàn dân - Chuyển đổi số toàn diện - Vì cuộc sống tốt đẹp hơn",
]
SLOGAN_2025 = "Nhiệt liệt chào mừng Ngày Sáng tạo và Đổi mới sáng tạo thế giới - 21/4/2025"

# number/symbol, date (Decree 30 short form), issuer
DOCUMENTS = {
    "57-NQ/TW": ("22/12/2024", "Bộ Chính trị"),
    "71/NQ-CP": ("01/4/2025", "Chính phủ"),
    "2341/BKHCN-ĐMST": ("16/4/2026", "Bộ Khoa học và Công nghệ"),
    "440/SHTT-NĐHT": ("30/01/2026", "Cục Sở hữu trí tuệ"),
    "1456/SKHCN-QLCN": ("17/4/2026", "Sở Khoa học và Công nghệ thành phố Hải Phòng"),
    "4059/UBND-KGVX": ("17/4/2026", "UBND tỉnh Thái Nguyên"),
    "1132/SKHCN-QLCN": ("17/4/2026", "Sở Khoa học và Công nghệ tỉnh Thái Nguyên"),
    "69/KH-UBND": ("25/3/2026", "UBND xã Bình Thành"),
    "743/BKHCN-ĐMST": ("10/4/2025", "Bộ Khoa học và Công nghệ"),
    "4996/UBND-CNXDKH": ("15/4/2025", "UBND tỉnh Thanh Hóa"),
}

PLANS = {
    "2026/ke-hoach/so-khcn-lang-son": {
        "issuer": "Sở Khoa học và Công nghệ tỉnh Lạng Sơn",
        "window": ("15/4/2026", "26/4/2026"),
        "deadlines": ["trước ngày 15/5/2026"],
        "documents": ["440/SHTT-NĐHT", "2341/BKHCN-ĐMST"],
        "phrases": [*THEMES_2026_21_4, SLOGAN_2026_21_4, THEME_2026_IP],
        "signer": "Đỗ Thu Hạnh",
    },
    "2026/ke-hoach/so-khcn-lai-chau": {
        "issuer": "Sở Khoa học và Công nghệ tỉnh Lai Châu",
        "window": ("18/4/2026", "26/4/2026"),
        "deadlines": ["trước ngày 10/5/2026"],
        "documents": ["2341/BKHCN-ĐMST"],
        "phrases": [*THEMES_2026_21_4, SLOGAN_2026_21_4],
        "signer": "Bùi Thị Lệ Dung",
    },
    "2026/ke-hoach/ubnd-phuong-tran-hung-dao": {
        "issuer": "Ủy ban nhân dân phường Trần Hưng Đạo",
        "window": ("17/4/2026", "19/5/2026"),
        "deadlines": [],
        "documents": ["1456/SKHCN-QLCN", "57-NQ/TW", "71/NQ-CP"],
        "phrases": [*THEMES_2026_21_4, THEME_2026_IP, THEME_2026_ST, SLOGAN_2026_21_4, *SLOGANS_2026_LOCAL],
        "signer": "Phạm Thị Ly",
    },
    "2026/ke-hoach/ubnd-xa-binh-thanh": {
        "issuer": "Ủy ban nhân dân xã Bình Thành",
        "window": ("18/4/2026", "25/4/2026"),
        "deadlines": ["chậm nhất ngày 03/5/2026", "trước ngày 05/5/2026"],
        "documents": ["4059/UBND-KGVX", "1132/SKHCN-QLCN", "69/KH-UBND", "57-NQ/TW"],
        "phrases": [*THEMES_2026_21_4, SLOGAN_2026_21_4],
        "signer": "Âu Văn Đước",
    },
    "2025/ke-hoach/so-khcn-thanh-hoa": {
        "issuer": "Sở Khoa học và Công nghệ tỉnh Thanh Hóa",
        "window": ("16/4/2025", "05/5/2025"),
        "deadlines": ["trước ngày 06/5/2025"],
        "documents": ["743/BKHCN-ĐMST", "4996/UBND-CNXDKH", "57-NQ/TW"],
        "phrases": [*THEMES_2025, SLOGAN_2025],
        "signer": "Trần Duy Bình",
    },
}
