"""Reads hizala's exports with the clients translators and researchers use, and checks that
each sees the same pairs: pandas and Python's csv module (parallel.csv, sentences.csv),
pandas.read_json (parallel.jsonl), translate-toolkit (parallel.tmx, sentences.tmx) and openpyxl
(review.xlsx). Run by tests/clients/run.sh (make test) as: python check_exports.py OUTPUT_DIR"""

import csv
import json
import pathlib
import sys

import openpyxl
import pandas as pd
from translate.storage import tmx


def main(out: pathlib.Path) -> None:
    with open(out / "parallel.csv", newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    frame = pd.read_csv(out / "parallel.csv", keep_default_na=False, dtype=str)
    assert frame.to_dict("records") == rows, "pandas and csv read different rows"
    assert len(rows) > 0
    print(f"parallel.csv: csv module and pandas read the same {len(rows)} rows")
    for name in ("paragraphs.csv", "parallel.csv", "sentences.csv"):
        raw = (out / name).read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf"), f"{name} has a BOM without --bom"
        with open(out / name, newline="", encoding="utf-8") as f:
            records = list(csv.reader(f))
        physical = raw.decode("utf-8").count("\n")
        assert physical == len(records), f"{name}: {physical} lines for {len(records)} records"
        assert not any("\t" in field or "\n" in field or "\r" in field for rec in records for field in rec)
    print("paragraphs.csv, parallel.csv, sentences.csv: one physical line per record, no tabs or newlines in fields")

    with open(out / "sentences.csv", newline="", encoding="utf-8") as f:
        sentences = list(csv.DictReader(f))
    sframe = pd.read_csv(out / "sentences.csv", keep_default_na=False, dtype=str)
    assert sframe.to_dict("records") == sentences
    for r in rows:
        own = [s for s in sentences if s["pair"] == r["pair"]]
        squeeze = lambda s: "".join(s.split())
        assert squeeze("".join(s["tr"] for s in own)) == squeeze(r["tr"])
    print(f"sentences.csv: {len(sentences)} rows, every pair's text accounted for")

    lines = pd.read_json(out / "parallel.jsonl", lines=True)
    assert len(lines) == len(rows)
    for (_, j), r in zip(lines.iterrows(), rows):
        assert j["translation"]["tr"] == r["tr"] and j["translation"]["en"] == r["en"]
        assert int(j["pair"]) == int(r["pair"]) and j["doc"] == r["doc"]
    print(f"parallel.jsonl: pandas read {len(lines)} objects in the translation shape")

    with open(out / "parallel.tmx", "rb") as f:
        store = tmx.tmxfile(f, sourcelanguage="tr-TR", targetlanguage="en-US")
    units = [u for u in store.units if u.source]
    assert len(units) == len(rows), (len(units), len(rows))
    for u, r in zip(units, rows):
        assert u.source == r["tr"] and u.target == r["en"], (u.source[:60], r["tr"][:60])
    print(f"parallel.tmx: translate-toolkit read {len(units)} units, tr and en as in parallel.csv")
    with open(out / "sentences.tmx", "rb") as f:
        sstore = tmx.tmxfile(f, sourcelanguage="tr-TR", targetlanguage="en-US")
    both = [s for s in sentences if s["tr"] and s["en"]]
    sunits = [u for u in sstore.units if u.source]
    assert len(sunits) == len(both)
    assert all(u.source == s["tr"] and u.target == s["en"] for u, s in zip(sunits, both))
    print(f"sentences.tmx: translate-toolkit read {len(sunits)} sentence units")

    book = openpyxl.load_workbook(out / "review.xlsx")
    sheet = book["pairs"]
    values = list(sheet.iter_rows(values_only=True))
    assert list(values[0]) == ["pair", "doc", "score", "bead", "tr", "en", "verdict", "note"], values[0]
    assert len(values) == len(rows) + 1
    for v, r in zip(values[1:], rows):
        assert int(v[0]) == int(r["pair"]) and v[1] == r["doc"] and v[4] == r["tr"] and v[5] == r["en"]
        assert abs(float(v[2]) - float(r["score"])) < 1e-9
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref
    # Texts are strings, never formulas (a paragraph may start with "=").
    assert all(c.data_type == "s" for row in sheet.iter_rows(min_row=2, min_col=5, max_col=6) for c in row)
    print(f"review.xlsx: openpyxl read {len(values) - 1} rows, header frozen, autofilter {sheet.auto_filter.ref}")


if __name__ == "__main__":
    main(pathlib.Path(sys.argv[1]))
