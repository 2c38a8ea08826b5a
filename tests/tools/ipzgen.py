"""Shared helpers for writing ipzone test dossiers (format ipzone-dossier/1).

Used by make_examples.py (examples/) and make_fixtures.py (tests/dossiers/).
Everything is deterministic: every random choice comes from a random.Random
seeded with a fixed string, so rerunning a script rewrites identical files.
The build does not need Python; the generated files are committed.
"""

import random

# --- Unified Social Credit Code (GB 32100-2015) --------------------------------

USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

# Organisation code (GB 11714-1997), positions 9..17 of a USCC: 8 body
# characters and a check character (digits as themselves, A=10 ... Z=35).
ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]


def uscc_check_char(first17):
    total = sum(USCC_CHARSET.index(c) * w for c, w in zip(first17, USCC_WEIGHTS))
    return USCC_CHARSET[(31 - total % 31) % 31]


def uscc_valid(code):
    return (len(code) == 18 and all(c in USCC_CHARSET for c in code)
            and uscc_check_char(code[:17]) == code[17])


def _org_value(c):
    return int(c) if c.isdigit() else ord(c) - ord("A") + 10


def org_check_char(body8):
    c = 11 - sum(_org_value(ch) * w for ch, w in zip(body8, ORG_WEIGHTS)) % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)


# Administrative division codes used as positions 3..8.
REGION = {
    "东城区": "110101", "西城区": "110102", "朝阳区": "110105", "丰台区": "110106",
    "石景山区": "110107", "海淀区": "110108", "门头沟区": "110109", "房山区": "110111",
    "通州区": "110112", "顺义区": "110113", "昌平区": "110114", "大兴区": "110115",
    "怀柔区": "110116", "平谷区": "110117", "密云区": "110118", "延庆区": "110119",
    "北京经济技术开发区": "110302",
}

_BODY_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"


def make_uscc(rng, region="110108", kind="91"):
    """A USCC with a valid organisation-code check and a valid USCC check.

    kind: "91" enterprise (工商), "12" public institution (事业单位),
    "51" social organisation (社会团体), "52" private non-enterprise unit."""
    while True:
        if kind == "91" and rng.random() < 0.65:
            # codes issued since 2015 look like 91110108MA01XXXX...
            body = "MA0" + rng.choice("0123") + "".join(rng.choice(_BODY_CHARS) for _ in range(4))
        else:
            body = rng.choice("3456789") + "".join(rng.choice("0123456789") for _ in range(7))
        org = body + org_check_char(body)
        if org[-1] not in USCC_CHARSET:
            continue
        first17 = kind + region + org
        return first17 + uscc_check_char(first17)


def break_uscc(code):
    """The same code with a wrong check character."""
    right = code[17]
    wrong = USCC_CHARSET[(USCC_CHARSET.index(right) + 7) % 31]
    return code[:17] + wrong


# --- enterprise names -------------------------------------------------------------

BRANDS = """
星河 云途 博远 华信 康源 启明 瑞达 天枢 恒通 清源 海纳 泰和 鼎盛 创元 新程 北辰 睿思 智源 汇智 凌云
远航 光启 九州 华清 长风 晨曦 明德 致远 润泽 嘉禾 蓝海 青藤 盛景 万象 英诺 和信 联创 金石 宏图 芯动
微纳 灵犀 极光 深蓝 数元 易知 百川 千帆 天工 格物 知行 尚德 同辉 锐创 精诚 恒润 宸光 燕园 京研 松果
木棉 翠湖 西山 玉泉 永丰 上地 望京 亦城 朗坤 中瑞 安捷 博瑞 德润 诺康 泽宇 铭远 弘毅 景行
思源 乐知 澄明 兆丰 益民 辰星 卓远 沐阳 翰林 书墨 云帆 星云 众合 聚力 优联 合众 融智 康宁
瀚海 新桥 源创 恒星 天衡 中研 京仪 汇通 纵横 灵动 追光 知微 博观 衡石 晓风 清河 朗月 若水
""".split()

# Words that make a company name read like the industry it is in.
BUSINESS = {
    "新一代信息技术": ["信息技术", "网络科技", "数据技术", "通信技术", "云计算科技", "信息科技"],
    "医药健康": ["医药科技", "生物医药科技", "医疗器械", "健康科技", "医疗科技", "药业"],
    "集成电路": ["微电子科技", "半导体科技", "芯片科技", "集成电路设计", "电子科技"],
    "智能网联汽车": ["智能驾驶科技", "汽车电子科技", "智行科技", "车联网科技"],
    "智能制造与装备": ["智能装备", "机器人科技", "自动化技术", "精密仪器", "智能制造科技"],
    "绿色能源与节能环保": ["环保科技", "新能源科技", "节能技术", "氢能科技", "储能技术"],
    "区块链与先进计算": ["区块链科技", "计算技术", "算力科技"],
    "科技服务业": ["检测技术", "技术转移服务", "科技咨询", "工程技术服务", "知识产权运营"],
    "智慧城市": ["智慧城市科技", "物联网科技", "空间信息技术"],
    "信息内容消费": ["数字文化科技", "互动娱乐科技", "数字传媒"],
    "生物技术与生命科学": ["生物科技", "基因科技", "生命科学技术"],
    "碳减排与碳中和": ["碳中和科技", "低碳科技"],
    "前沿新材料": ["新材料科技", "纳米材料科技", "复合材料"],
    "量子信息": ["量子科技", "量子通信技术"],
    "光电": ["光电技术", "激光科技", "光学科技"],
    "新一代数字技术": ["数字科技", "数智科技"],
    # older (2017) names, accepted as aliases
    "人工智能": ["人工智能科技", "智能科技"],
    "软件和信息服务": ["软件", "软件技术", "信息服务"],
    "智能装备": ["智能装备", "装备技术"],
    "节能环保": ["环保技术", "节能科技"],
    "新能源智能汽车": ["新能源汽车科技", "汽车科技"],
    "新材料": ["材料科技", "新材料技术"],
    "科技服务": ["科技服务", "技术服务"],
    None: ["商贸", "餐饮管理", "物业管理", "广告", "文化传播", "企业管理咨询", "建筑装饰工程",
           "人力资源服务", "印刷", "会展服务", "供应链管理", "财务咨询", "家政服务"],
}


class Namer:
    """Plausible, distinct Beijing company names."""

    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.used = set()

    def name(self, industry, large=False):
        rng = self.rng
        while True:
            b1, b2 = rng.sample(BRANDS, 2)
            biz = rng.choice(BUSINESS[industry])
            r = rng.random()
            brand = b1 + b2 if r < 0.8 else b1
            if large and rng.random() < 0.6:
                n = f"北京{brand}{biz}股份有限公司"
            elif r < 0.12:
                n = f"{brand}（北京）{biz}有限公司"
            elif r > 0.95:
                n = f"北京{brand}{biz}有限责任公司"
            else:
                n = f"北京{brand}{biz}有限公司"
            if n not in self.used:
                self.used.add(n)
                return n


# --- roster -------------------------------------------------------------------------

def _spread(rng, total, weights):
    """Split `total` units over len(weights) slots, at random, by weight."""
    counts = [0] * len(weights)
    if total <= 0:
        return counts
    for i in rng.choices(range(len(weights)), weights=weights, k=total):
        counts[i] += 1
    return counts


def make_roster(seed, n, sme, high_end, valid, invention, region="110108",
                industries=None, aliases=0, valid_form=0.0, absent_patents=0,
                no_uscc=0, namer=None, other_regions=()):
    """A roster of n distinct enterprises with exactly `sme` SMEs, `high_end`
    enterprises in a high-end industry, and patents summing to exactly
    `valid` valid patents of which `invention` are invention patents.

    industries: {name: weight} for the high-end rows.
    aliases: how many high-end rows use an older (2017) alias name.
    valid_form: share of rows written as {valid, invention} instead of the
      three-kind form.
    absent_patents: how many rows (with no patents) leave `patents` out.
    no_uscc: how many rows have no uscc."""
    assert 0 <= sme <= n and 0 <= high_end <= n and 0 <= invention <= valid
    rng = random.Random(seed)
    namer = namer or Namer(seed + "/names")
    industries = industries or {"新一代信息技术": 4, "集成电路": 3, "医药健康": 2,
                                "智能制造与装备": 2, "人工智能": 0}
    names_ind = [k for k, w in industries.items() if w > 0]
    weights_ind = [industries[k] for k in names_ind]
    alias_names = ["人工智能", "软件和信息服务", "智能装备", "新材料", "科技服务"]

    order = list(range(n))
    rng.shuffle(order)
    he_rows = set(order[:high_end])
    rng.shuffle(order)
    non_sme_rows = set(order[: n - sme])

    rows = []
    alias_left = aliases
    for i in range(n):
        if i in he_rows:
            if alias_left > 0:
                ind = alias_names[alias_left % len(alias_names)]
                alias_left -= 1
            else:
                ind = rng.choices(names_ind, weights=weights_ind)[0]
        else:
            ind = None
        large = i in non_sme_rows
        rows.append({
            "name": namer.name(ind, large=large),
            "uscc": make_uscc(rng, rng.choice(other_regions) if other_regions and rng.random() < 0.2 else region),
            "sme": not large,
            "high_end_industry": ind if ind else "none",
            "_w": (6 if large else 1) * (3 if ind else 0.4),
        })
    # patents, exactly
    # rows that will carry no patents at all (so `patents` may be left out)
    zero_rows = set()
    if absent_patents:
        cands = [i for i in range(n) if rows[i]["high_end_industry"] == "none" and rows[i]["sme"]]
        rng.shuffle(cands)
        zero_rows = set(cands[:absent_patents])
    w = [0 if i in zero_rows else rows[i]["_w"] for i in range(n)]
    inv = _spread(rng, invention, w)
    rest = _spread(rng, valid - invention, w)
    for i, r in enumerate(rows):
        del r["_w"]
        if i in zero_rows:
            continue
        if rng.random() < valid_form:
            r["patents"] = {"valid": inv[i] + rest[i], "invention": inv[i]}
        else:
            design = sum(1 for _ in range(rest[i]) if rng.random() < 0.12)
            r["patents"] = {"invention": inv[i], "utility_model": rest[i] - design, "design": design}
    if no_uscc:
        cands = [i for i in range(n) if rows[i]["sme"]]
        for i in rng.sample(cands, no_uscc):
            del rows[i]["uscc"]
    return rows


def roster_totals(rows):
    """(distinct count, sme, high-end, valid, invention), distinct by USCC,
    else by name; the first row of a group is the one kept."""
    seen, keep = set(), []
    for r in rows:
        key = ("u", r["uscc"]) if "uscc" in r else ("n", r["name"])
        if key in seen:
            continue
        seen.add(key)
        keep.append(r)
    valid = inv = 0
    for r in keep:
        p = r.get("patents", {})
        if "valid" in p:
            valid += p["valid"]
        else:
            valid += p.get("invention", 0) + p.get("utility_model", 0) + p.get("design", 0)
        inv += p.get("invention", 0)
    return (len(keep), sum(1 for r in keep if r["sme"] is True),
            sum(1 for r in keep if r["high_end_industry"] not in ("none", "", None)),
            valid, inv)


# --- YAML text --------------------------------------------------------------------

class Raw(str):
    """A scalar written exactly as given."""


def scalar(v):
    if isinstance(v, Raw):
        return str(v)
    if v is True:
        return "true"
    if v is False:
        return "false"
    if v is None:
        return "null"
    if isinstance(v, int):
        return str(v)
    s = str(v)
    if s == "":
        return '""'
    return s


def flow(v):
    if isinstance(v, dict):
        return "{" + ", ".join(f"{k}: {flow(x)}" for k, x in v.items()) + "}"
    if isinstance(v, list):
        return "[" + ", ".join(flow(x) for x in v) + "]"
    return scalar(v)


def emit(d, indent=0):
    """Block mapping; lists of scalars in flow style; lists of mappings as a
    block sequence of one-line flow mappings. A key starting with '#' is a
    comment line (its value is the text); a key starting with '\\n' emits a
    blank line first."""
    pad = " " * indent
    out = []
    for k, v in d.items():
        if k.startswith("\n"):
            out.append("")
            k = k[1:]
        if k.startswith("#"):
            out.append(f"{pad}# {v}" if v else f"{pad}#")
            continue
        if isinstance(v, dict) and not getattr(v, "flow", False):
            if not v:
                out.append(f"{pad}{k}: {{}}")
            else:
                out.append(f"{pad}{k}:")
                out.extend(emit(v, indent + 2))
        elif isinstance(v, list) and v and all(isinstance(x, dict) for x in v):
            out.append(f"{pad}{k}:")
            for x in v:
                out.append(f"{pad}  - {flow(x)}")
        else:
            out.append(f"{pad}{k}: {flow(v)}")
    return out


def render(header, d):
    lines = [f"# {h}" if h else "#" for h in header]
    return "\n".join(lines + emit(d)) + "\n"


def line_of(text, needle, start=1):
    """1-based number of the first line (from line `start`) that contains needle."""
    for i, line in enumerate(text.split("\n"), 1):
        if i >= start and needle in line:
            return i
    raise KeyError(needle)
