"""Companies' own engineering levels and the Rung level each roughly matches.

Pure data, no Django imports: a migration and the admin-free seeding read it. Operators
change the mapping in the admin afterwards; a later seeding only adds what is missing, so
their edits stay.

How the mapping was made: each company's levels were lined up against the others with
public level-comparison write-ups (salary surveys that compare levels across companies,
levels.fyi-style), the job titles companies publish in their postings and career pages,
and engineers' own accounts of their ladders. Rung's individual-contributor levels are
Junior → Mid-level → Senior → Staff → Principal; a company level above Rung's top maps to
Principal. Every mapping is approximate: scope at one company's "senior" is not the same
as at another's, and companies recalibrate their ladders.
"""

from typing import Final, NotRequired, TypedDict


class CompanyLevelData(TypedDict):
    code: str
    title: str
    title_zh: str
    level: str  # a Rung level slug (rung/ladder/content.py)
    # Said about this one level on top of the company's source note, when it needs it.
    note: NotRequired[str]
    note_zh: NotRequired[str]


class CompanyData(TypedDict):
    slug: str
    name: str
    name_zh: str
    source: str
    source_zh: str
    levels: list[CompanyLevelData]


_SURVEYS = (
    "Public salary-survey level comparisons (levels.fyi-style) and the company's published "
    "job titles, as of 2025."
)
_SURVEYS_ZH = "公开的薪资调查职级对照（levels.fyi 一类）和公司公开的职位名称，截至 2025 年。"


def _level(
    code: str, title: str, title_zh: str, level: str, note: str = "", note_zh: str = ""
) -> CompanyLevelData:
    data: CompanyLevelData = {"code": code, "title": title, "title_zh": title_zh, "level": level}
    if note:
        data["note"] = note
        data["note_zh"] = note_zh
    return data


COMPANIES: Final[list[CompanyData]] = [
    {
        "slug": "google",
        "name": "Google",
        "name_zh": "Google",
        "source": _SURVEYS
        + " Google's ladder (L3 new graduate to L8 principal) is the one most other "
        "comparisons are measured against.",
        "source_zh": _SURVEYS_ZH + " Google 的职级（L3 应届生到 L8 首席）是多数对照表的参照基准。",
        "levels": [
            _level("L3", "Software Engineer II", "软件工程师 II", "junior"),
            _level("L4", "Software Engineer III", "软件工程师 III", "mid-level"),
            _level("L5", "Senior Software Engineer", "高级软件工程师", "senior"),
            _level("L6", "Staff Software Engineer", "Staff 软件工程师", "staff"),
            _level(
                "L7",
                "Senior Staff Software Engineer",
                "Senior Staff 软件工程师",
                "principal",
                "Senior Staff sits between Rung's Staff and Principal; it is listed with "
                "Principal for its scope across several teams.",
                "Senior Staff 介于 Rung 的 Staff 与 Principal 之间，因其跨多个团队的影响范围，"
                "归入 Principal。",
            ),
            _level("L8", "Principal Engineer", "首席工程师", "principal"),
        ],
    },
    {
        "slug": "meta",
        "name": "Meta",
        "name_zh": "Meta",
        "source": _SURVEYS
        + " Meta's E-levels line up one for one with Google's L-levels in most comparisons.",
        "source_zh": _SURVEYS_ZH + " 多数对照中，Meta 的 E 级与 Google 的 L 级一一对应。",
        "levels": [
            _level("E3", "Software Engineer", "软件工程师", "junior"),
            _level("E4", "Software Engineer", "软件工程师", "mid-level"),
            _level("E5", "Senior Software Engineer", "高级软件工程师", "senior"),
            _level("E6", "Staff Software Engineer", "Staff 软件工程师", "staff"),
            _level("E7", "Senior Staff Software Engineer", "Senior Staff 软件工程师", "principal"),
            _level("E8", "Principal Engineer", "首席工程师", "principal"),
        ],
    },
    {
        "slug": "amazon",
        "name": "Amazon",
        "name_zh": "Amazon",
        "source": _SURVEYS
        + " Amazon's levels run one step \"behind\" Google's in name: its Principal (L7) "
        "usually compares with a staff engineer elsewhere.",
        "source_zh": _SURVEYS_ZH
        + " Amazon 的职级名称比 Google 高一档：它的 Principal（L7）通常相当于别家的 Staff。",
        "levels": [
            _level("SDE I (L4)", "Software Development Engineer I", "软件开发工程师 I", "junior"),
            _level(
                "SDE II (L5)", "Software Development Engineer II", "软件开发工程师 II", "mid-level"
            ),
            _level(
                "SDE III (L6)",
                "Senior Software Development Engineer",
                "高级软件开发工程师",
                "senior",
            ),
            _level("Principal (L7)", "Principal Engineer", "首席工程师", "staff"),
            _level(
                "Sr. Principal (L8)", "Senior Principal Engineer", "高级首席工程师", "principal"
            ),
        ],
    },
    {
        "slug": "microsoft",
        "name": "Microsoft",
        "name_zh": "Microsoft",
        "source": _SURVEYS
        + " Microsoft numbers its levels 59 to 70 and gives each title to two or three "
        "numbers; the groups below follow its public titles.",
        "source_zh": _SURVEYS_ZH + " Microsoft 的职级编号从 59 到 70，每个职位名称覆盖两三个级别，"
        "下面的分组按其公开职位名称划分。",
        "levels": [
            _level("59–60", "Software Engineer", "软件工程师", "junior"),
            _level("61–62", "Software Engineer II", "软件工程师 II", "mid-level"),
            _level("63–64", "Senior Software Engineer", "高级软件工程师", "senior"),
            _level(
                "65–67",
                "Principal Software Engineer",
                "首席软件工程师",
                "staff",
                "67 is often compared with a principal elsewhere; 65 and 66 with staff.",
                "67 级常被视为别家的 Principal，65、66 级则相当于 Staff。",
            ),
            _level("68+", "Partner / Distinguished Engineer", "合伙人 / 杰出工程师", "principal"),
        ],
    },
    {
        "slug": "apple",
        "name": "Apple",
        "name_zh": "Apple",
        "source": _SURVEYS
        + " Apple's ICT levels are rarely named in postings; the mapping leans on survey data.",
        "source_zh": _SURVEYS_ZH + " Apple 很少在招聘中写明 ICT 级别，对照主要依据薪资调查数据。",
        "levels": [
            _level("ICT2", "Software Engineer", "软件工程师", "junior"),
            _level("ICT3", "Software Engineer", "软件工程师", "mid-level"),
            _level("ICT4", "Senior Software Engineer", "高级软件工程师", "senior"),
            _level("ICT5", "Staff Engineer", "Staff 工程师", "staff"),
            _level("ICT6", "Principal Engineer", "首席工程师", "principal"),
        ],
    },
    {
        "slug": "netflix",
        "name": "Netflix",
        "name_zh": "Netflix",
        "source": _SURVEYS
        + " Netflix long had a single senior engineer title and has published numbered "
        "levels only in recent years; treat this column as the least certain of the "
        "Western companies.",
        "source_zh": _SURVEYS_ZH + " Netflix 长期只有一个“高级工程师”职位，近几年才公开编号职级；"
        "这一列是欧美公司中最不确定的。",
        "levels": [
            _level("L4", "Software Engineer", "软件工程师", "mid-level"),
            _level("L5", "Senior Software Engineer", "高级软件工程师", "senior"),
            _level("L6", "Staff Software Engineer", "Staff 软件工程师", "staff"),
            _level("L7", "Principal Software Engineer", "首席软件工程师", "principal"),
        ],
    },
    {
        "slug": "uber",
        "name": "Uber",
        "name_zh": "Uber",
        "source": _SURVEYS + " Uber splits its senior level in two, 5A and 5B.",
        "source_zh": _SURVEYS_ZH + " Uber 把高级工程师分为 5A 和 5B 两档。",
        "levels": [
            _level("L3", "Software Engineer I", "软件工程师 I", "junior"),
            _level("L4", "Software Engineer II", "软件工程师 II", "mid-level"),
            _level("L5A", "Senior Software Engineer", "高级软件工程师", "senior"),
            _level("L5B", "Senior Software Engineer II", "高级软件工程师 II", "senior"),
            _level("L6", "Staff Software Engineer", "Staff 软件工程师", "staff"),
            _level("L7", "Senior Staff Software Engineer", "Senior Staff 软件工程师", "principal"),
        ],
    },
    {
        "slug": "alibaba",
        "name": "Alibaba",
        "name_zh": "阿里巴巴",
        "source": "Public level-comparison write-ups of Chinese tech companies, engineers' own "
        "accounts of the P-series and the titles it carries, as of 2025. Alibaba's titles "
        'read higher than they are: a P5 is called a "senior engineer" in Chinese.',
        "source_zh": "公开的国内互联网公司职级对照文章、工程师对 P 序列及其职称的介绍，"
        "截至 2025 年。"
        "阿里的职称听起来比实际级别高：P5 的中文职称就是“高级工程师”。",
        "levels": [
            _level("P5", "Engineer", "高级工程师", "junior"),
            _level("P6", "Senior Engineer", "资深工程师", "mid-level"),
            _level("P7", "Technical Expert", "技术专家", "senior"),
            _level("P8", "Senior Technical Expert", "高级专家", "staff"),
            _level("P9", "Principal Expert", "资深专家", "principal"),
            _level("P10", "Researcher", "研究员", "principal"),
        ],
    },
    {
        "slug": "tencent",
        "name": "Tencent",
        "name_zh": "腾讯",
        "source": "Public level-comparison write-ups and engineers' accounts, as of 2025. "
        "Tencent replaced its grade-and-step levels (T2-1, T3-2…) with plain numbered "
        "levels in 2022–2023. How the new numbers pair with the old grades is reported "
        "differently by different sources and may be off by one; the old grade is given in "
        "brackets as most comparisons give it.",
        "source_zh": "公开的职级对照文章和工程师的介绍，截至 2025 年。腾讯在 2022–2023 年把"
        "“职级-子等”（T2-1、T3-2……）改为单一数字职级。新旧职级的对应关系各方说法不一，"
        "可能相差一级；括号中的旧职级取多数对照的说法。",
        "levels": [
            _level("9", "Level 9 (formerly T2-1)", "9 级（原 T2-1）", "junior"),
            _level("10", "Level 10 (formerly T2-2)", "10 级（原 T2-2）", "mid-level"),
            _level("11", "Level 11 (formerly T2-3)", "11 级（原 T2-3）", "mid-level"),
            _level("12", "Level 12 (formerly T3-1)", "12 级（原 T3-1）", "senior"),
            _level("13", "Level 13 (formerly T3-2)", "13 级（原 T3-2）", "senior"),
            _level("14", "Level 14 (formerly T3-3)", "14 级（原 T3-3）", "staff"),
            _level("15", "Level 15 (formerly T4-1)", "15 级（原 T4-1）", "principal"),
            _level("16", "Level 16 (formerly T4-2)", "16 级（原 T4-2）", "principal"),
        ],
    },
    {
        "slug": "bytedance",
        "name": "ByteDance",
        "name_zh": "字节跳动",
        "source": "Public level-comparison write-ups and engineers' accounts, as of 2025. "
        "ByteDance's levels are written as grade-step (1-1 to 4-x) and are not shown "
        "on internal profiles, so the mapping rests on second-hand reports.",
        "source_zh": "公开的职级对照文章和工程师的介绍，截至 2025 年。字节跳动的职级写作“级-档”"
        "（1-1 到 4-x），内部不公开显示，对照依据的是间接信息。",
        "levels": [
            _level("1-1", "Engineer", "工程师", "junior"),
            _level("1-2", "Engineer", "工程师", "mid-level"),
            _level("2-1", "Senior Engineer", "高级工程师", "senior"),
            _level("2-2", "Senior Engineer", "高级工程师", "senior"),
            _level("3-1", "Expert", "专家", "staff"),
            _level("3-2", "Senior Expert", "资深专家", "principal"),
            _level("4-1", "Principal Expert", "首席专家", "principal"),
        ],
    },
    {
        "slug": "baidu",
        "name": "Baidu",
        "name_zh": "百度",
        "source": "Public level-comparison write-ups and engineers' accounts of Baidu's "
        "T-series, as of 2025.",
        "source_zh": "公开的职级对照文章和工程师对百度 T 序列的介绍，截至 2025 年。",
        "levels": [
            _level("T3", "Engineer", "初级工程师", "junior"),
            _level("T4", "Engineer", "中级工程师", "mid-level"),
            _level(
                "T5",
                "Senior Engineer",
                "高级工程师",
                "senior",
                "Some comparisons put T5 closer to mid-level.",
                "也有对照认为 T5 更接近中级。",
            ),
            _level("T6", "Senior Engineer", "资深工程师", "senior"),
            _level("T7", "Architect", "架构师", "staff"),
            _level("T8", "Senior Architect", "高级架构师", "principal"),
            _level("T9", "Chief Architect", "主任架构师", "principal"),
        ],
    },
    {
        "slug": "meituan",
        "name": "Meituan",
        "name_zh": "美团",
        "source": "Public level-comparison write-ups and engineers' accounts, as of 2025. "
        "Meituan has renamed its levels more than once (P-levels, then L-levels); the "
        "L-levels below are the ones most comparisons use and are less certain than "
        "the other Chinese companies'.",
        "source_zh": "公开的职级对照文章和工程师的介绍，截至 2025 年。美团的职级几经改名"
        "（先是 P 级，后为 L 级）；下面采用多数对照使用的 L 级，确定性不如其他国内公司。",
        "levels": [
            _level("L5", "Engineer", "工程师", "junior"),
            _level("L6", "Senior Engineer", "高级工程师", "mid-level"),
            _level("L7", "Expert", "专家", "senior"),
            _level("L8", "Senior Expert", "高级专家", "staff"),
            _level("L9", "Principal Expert", "资深专家", "principal"),
            _level("L10", "Chief Expert", "首席专家", "principal"),
        ],
    },
    {
        "slug": "huawei",
        "name": "Huawei",
        "name_zh": "华为",
        "source": "Public level-comparison write-ups and engineers' accounts of Huawei's "
        "numbered grades, as of 2025. Graduates usually join at 13 or 14.",
        "source_zh": "公开的职级对照文章和工程师对华为数字职级的介绍，截至 2025 年。"
        "应届生通常从 13 或 14 级入职。",
        "levels": [
            _level("13", "Grade 13", "13 级", "junior"),
            _level("14", "Grade 14", "14 级", "junior"),
            _level("15", "Grade 15", "15 级", "mid-level"),
            _level("16", "Grade 16", "16 级", "mid-level"),
            _level("17", "Grade 17", "17 级", "senior"),
            _level("18", "Grade 18", "18 级", "staff"),
            _level("19", "Grade 19", "19 级", "staff"),
            _level("20", "Grade 20", "20 级", "principal"),
            _level("21", "Grade 21", "21 级", "principal"),
            _level("22", "Grade 22", "22 级", "principal"),
        ],
    },
]
