"""Names of units of government (牵头单位/责任单位): the key under which spellings of one unit meet.

市发展改革委, 市发改委 and 市发展和改革委员会 are one unit. ``split_level`` peels the level prefix
(市/县/州/区/省…) that says which government the unit belongs to; ``unit_key`` folds the rest:
委员会 → 委, 和 dropped, common abbreviations expanded. Region names written before a unit
(海东市发展改革委) are peeled by the caller, which knows the gazetteer.
"""

from __future__ import annotations

import re
import unicodedata

LEVEL_PREFIXES = ("自治州", "自治县", "省", "市", "州", "县", "区", "旗", "盟")
# abbreviation → full form, both after the folds of ``unit_key`` (no 和, 委员会 → 委)
ABBREVIATIONS: dict[str, str] = {
    "发改委": "发展改革委",
    "发改局": "发展改革局",
    "工信局": "工业信息化局",
    "工信委": "工业信息化委",
    "住建局": "住房城乡建设局",
    "住房城乡建局": "住房城乡建设局",
    "人社局": "人力资源社会保障局",
    "卫健委": "卫生健康委",
    "卫健局": "卫生健康局",
    "文旅局": "文化旅游局",
    "文体旅游局": "文化体育旅游局",
    "交通局": "交通运输局",
    "应急局": "应急管理局",
    "市场监管局": "市场监督管理局",
    "林草局": "林业草原局",
    "医保局": "医疗保障局",
    "国资委": "国有资产监督管理委",
    "科技局": "科学技术局",
    "民宗委": "民族宗教事务委",
    "政数局": "政务服务数据管理局",
}
_BRACKETED = re.compile(r"[(（][^)）]*[)）]")
_COLLECTIVE = re.compile(r"^各")


def split_level(name: str) -> tuple[str | None, str]:
    """(level prefix, rest): 市发展改革委 → (市, 发展改革委); 各县人民政府 → (None, 各县人民政府)."""
    text = clean(name)
    for prefix in LEVEL_PREFIXES:
        if text.startswith(prefix) and len(text) - len(prefix) >= 2:
            return prefix, text[len(prefix) :]
    return None, text


def clean(name: str) -> str:
    """A unit name as written, without spaces, full-width forms or trailing punctuation."""
    text = unicodedata.normalize("NFKC", name)
    return "".join(text.split()).strip("、,，;；。:：")


def unit_key(name: str) -> str:
    """The matching key of a unit name without its level prefix: 发展和改革委员会 → 发展改革委."""
    text = _BRACKETED.sub("", clean(name))
    text = text.replace("委员会", "委").replace("和", "")
    return ABBREVIATIONS.get(text, text)


def is_collective(name: str) -> bool:
    """各县人民政府, 各乡镇: a group of units, not one unit."""
    return bool(_COLLECTIVE.match(clean(name)))
