using Vape.Organization.People;

namespace Vape.Organization.Scale;

/// <summary>
/// Names for generated data: people from the common family, middle and given names (weighted so that about
/// four in ten are Nguyễn, as in the census), places from words that recur all over the country.
/// </summary>
internal static class VietnameseNames
{
    private static readonly (string Name, int Weight)[] FamilyNames =
    [
        ("Nguyễn", 380), ("Trần", 110), ("Lê", 95), ("Phạm", 70), ("Hoàng", 35), ("Huỳnh", 20), ("Phan", 45),
        ("Vũ", 25), ("Võ", 15), ("Đặng", 21), ("Bùi", 20), ("Đỗ", 14), ("Hồ", 13), ("Ngô", 13), ("Dương", 10),
        ("Lý", 5), ("Đinh", 6), ("Trương", 6), ("Đào", 5), ("Lương", 4), ("Mai", 4), ("Tạ", 3), ("Trịnh", 4),
        ("Lâm", 3), ("Hà", 4), ("Cao", 3), ("Chu", 2), ("Lưu", 2), ("Kiều", 1), ("Quách", 1),
    ];

    private static readonly string[] MaleMiddle = ["Văn", "Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Thành", "Công", "Ngọc", "Xuân", "Đình", "Tiến", "Trọng", "Mạnh"];

    private static readonly string[] FemaleMiddle = ["Thị", "Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Kim", "Phương", "Bảo", "Hồng", "Diệu", "Hoài", "Mỹ"];

    private static readonly string[] MaleGiven =
    [
        "An", "Bình", "Cường", "Dũng", "Đức", "Hải", "Hùng", "Huy", "Khoa", "Long", "Minh", "Nam", "Phong", "Quân",
        "Sơn", "Thắng", "Tuấn", "Việt", "Vinh", "Hoàng", "Hiếu", "Khang", "Lâm", "Phúc", "Tài", "Thịnh", "Trung",
        "Tùng", "Quang", "Đạt", "Kiên", "Lộc", "Nghĩa", "Thanh", "Toàn", "Trí", "Bảo", "Duy", "Hưng", "Khôi",
    ];

    private static readonly string[] FemaleGiven =
    [
        "Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hoa", "Hương", "Lan", "Linh", "Mai", "Ngân", "Nga",
        "Ngọc", "Nhung", "Oanh", "Phương", "Quyên", "Tâm", "Thảo", "Trang", "Tuyết", "Vân", "Yến", "Thủy", "Hiền",
        "Loan", "Nhi", "Vy", "Trâm", "Liên", "My", "Nhàn", "Quỳnh", "Thu", "Uyên", "Xuân", "Hồng", "Diệp",
    ];

    /// <summary>Words of commune, ward and village names ("Tân Phú", "An Bình", ...).</summary>
    public static readonly string[] Places =
    [
        "Tân Phú", "An Bình", "Hòa Bình", "Tân Lập", "Quang Trung", "Hưng Long", "Phú Mỹ", "Long Hưng", "Đông Hòa",
        "Tân Thành", "Vĩnh Phúc", "Thạnh Mỹ", "Bình An", "Hòa An", "Xuân Phương", "Đức Thắng", "Thuận An",
        "Trung Hòa", "Đại Đồng", "Yên Thịnh", "Nghĩa Đô", "Phước Lộc", "Mỹ Hòa", "Tân Hiệp", "Thanh Xuân",
        "Hòa Lạc", "Đồng Tâm", "Quyết Thắng", "Minh Khai", "Hùng Vương", "Tiên Phong", "Kim Liên", "Cẩm Bình",
        "Sơn Thủy", "Hải Thành", "Tam Hiệp", "Phú Lương", "Bình Minh", "Thống Nhất", "Hồng Phong", "Lạc Long",
        "Nam Sơn", "Bắc Sơn", "Đông Xuân", "Tây Hồ", "Yên Lạc", "Hưng Đạo", "Trường Xuân", "Phú Thạnh", "Ea Tu",
    ];

    public static readonly string[] SchoolKinds = ["Trường Tiểu học", "Trường THCS", "Trường THPT", "Trường Mầm non", "Công ty Cổ phần", "Hợp tác xã"];

    private static readonly int FamilyTotal = FamilyNames.Sum(f => f.Weight);

    public static string Family(Random random)
    {
        var pick = random.Next(FamilyTotal);
        foreach (var (name, weight) in FamilyNames)
        {
            if (pick < weight) return name;
            pick -= weight;
        }
        return FamilyNames[0].Name;
    }

    /// <summary>Family, middle and given name; one in ten has a two-word given name ("Nguyễn Đình Hải Nam").</summary>
    public static string Full(Random random, string family, Gender? gender)
    {
        var female = gender == Gender.Female || (gender is null or Gender.Other && random.Next(2) == 0);
        var middle = Pick(random, female ? FemaleMiddle : MaleMiddle);
        var given = female ? FemaleGiven : MaleGiven;
        var first = random.Next(given.Length);
        if (random.Next(10) != 0) return $"{family} {middle} {given[first]}";
        var second = (first + 1 + random.Next(given.Length - 1)) % given.Length;
        return $"{family} {middle} {given[first]} {given[second]}";
    }

    public static string Pick(Random random, string[] names) => names[random.Next(names.Length)];
}
