#!/usr/bin/env python3
"""Runs docs/analytics.md against real warta output, and draws its picture.

    analytics.py check OUT.jsonl [OUT.jsonl ...]
        Runs every `sql` block of docs/analytics.md, in order, in DuckDB against each file
        (as `out.jsonl`, the name the doc uses). A block that starts with `-- columns: a, b`
        must return rows with exactly those columns; any other block must run. Then checks
        the doc's ClickHouse Kafka table (the `sql clickhouse` block) against
        schemas/enriched-article.v1.json: the same fields, nesting, nullability and kinds
        of scalar. Exits 1 on any failure.

    analytics.py plot OUT.jsonl PICTURE.png
        Loads the records with the doc's blocks and draws the quotes per ISO week of the
        eight most quoted people (weeks with at least 100 quotes).

The queries are read from the doc itself, so the doc cannot drift from what CI runs.
Needs the packages of scripts/analytics-requirements.txt.
"""

import json
import os
import re
import sys
import tempfile
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "analytics.md"
SCHEMA = ROOT / "schemas" / "enriched-article.v1.json"


def blocks(info):
    """The fenced code blocks of the doc whose info string is exactly `info`."""
    text = DOC.read_text(encoding="utf-8")
    return re.findall(r"^```" + re.escape(info) + r"\n(.*?)^```$", text, re.S | re.M)


def expected_columns(block):
    first = block.lstrip().splitlines()[0]
    m = re.match(r"--\s*columns:\s*(.*)$", first)
    return [c.strip() for c in m.group(1).split(",")] if m else None


def connect(records):
    """A DuckDB connection whose working folder holds `records` as out.jsonl."""
    work = tempfile.mkdtemp(prefix="warta-analytics-")
    os.symlink(os.path.abspath(records), os.path.join(work, "out.jsonl"))
    os.chdir(work)
    return duckdb.connect()


def check_queries(records):
    """Runs every DuckDB block of the doc against one output file; returns failures."""
    con = connect(records)
    failures, passed = [], 0
    for n, block in enumerate(blocks("sql"), 1):
        columns = expected_columns(block)
        label = f"{Path(records).name} block {n}"
        try:
            if columns is None:
                con.execute(block)
                passed += 1
                continue
            rel = con.sql(block)
            rows = rel.fetchall()
        except duckdb.Error as e:
            failures.append(f"{label}: {e}")
            continue
        if rel.columns != columns:
            failures.append(f"{label}: columns {rel.columns}, the doc says {columns}")
        elif not rows:
            failures.append(f"{label}: no rows")
        else:
            passed += 1
            print(f"ok   {label}: {len(rows)} rows, first {rows[0]}")
    return passed, failures


# --- ClickHouse table definition against the JSON Schema ---------------------------------


def split_top(text):
    """Splits on commas that are not inside parentheses."""
    parts, depth, cur = [], 0, ""
    for ch in text:
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "," and depth == 0:
            parts.append(cur)
            cur = ""
        else:
            cur += ch
    if cur.strip():
        parts.append(cur)
    return [p.strip() for p in parts]


def ch_type(text):
    """A ClickHouse type as (kind, nullable, detail): detail is a field dict for objects,
    the item type for arrays, and the scalar type name otherwise."""
    text = text.strip()
    m = re.fullmatch(r"(\w+)\((.*)\)", text, re.S)
    if m and m.group(1) == "Nullable":
        kind, _, detail = ch_type(m.group(2))
        return kind, True, detail
    if m and m.group(1) == "LowCardinality":
        return ch_type(m.group(2))
    if m and m.group(1) == "Array":
        return "array", False, ch_type(m.group(2))
    if m and m.group(1) == "Tuple":
        return "object", False, ch_fields(m.group(2))
    return "scalar", False, re.sub(r"\(.*", "", text)


def ch_fields(text):
    fields = {}
    for part in split_top(text):
        name, typ = part.split(None, 1)
        fields[name.strip("`")] = ch_type(typ)
    return fields


def kafka_table_columns():
    (ddl,) = blocks("sql clickhouse")
    m = re.search(r"CREATE TABLE \S+\s*\((.*?)\)\s*ENGINE = Kafka", ddl, re.S)
    if not m:
        raise SystemExit("docs/analytics.md: no `CREATE TABLE … ENGINE = Kafka` block")
    return ch_fields(m.group(1))


def schema_type(node, defs):
    """A JSON Schema node as (kind, nullable, detail), like ch_type."""
    if "$ref" in node:
        return schema_type(defs[node["$ref"].split("/")[-1]], defs)
    if "oneOf" in node:
        alts = [a for a in node["oneOf"] if a.get("type") != "null"]
        kind, _, detail = schema_type(alts[0], defs)
        return kind, len(alts) < len(node["oneOf"]), detail
    if "const" in node:
        return "scalar", False, type(node["const"]).__name__.replace("int", "integer")
    if "enum" in node and "type" not in node:
        kinds = {type(v).__name__.replace("str", "string").replace("int", "integer")
                 for v in node["enum"] if v is not None}
        (kind,) = kinds
        return "scalar", None in node["enum"], kind
    types = node["type"] if isinstance(node["type"], list) else [node["type"]]
    nullable = "null" in types
    (t,) = [t for t in types if t != "null"]
    if t == "object":
        return "object", nullable, {k: schema_type(v, defs) for k, v in node["properties"].items()}
    if t == "array":
        return "array", nullable, schema_type(node["items"], defs)
    return "scalar", nullable, t


SCALARS = {
    "string": ("String", "FixedString"),
    "integer": ("UInt8", "UInt16", "UInt32", "UInt64", "Int32", "Int64"),
    "number": ("Float32", "Float64"),
}


def compare(path, ch, js, problems):
    (ck, cn, cd), (jk, jn, jd) = ch, js
    if ck != jk:
        problems.append(f"{path}: {ck} in ClickHouse, {jk} in the schema")
        return
    if cn != jn:
        problems.append(f"{path}: nullable {cn} in ClickHouse, {jn} in the schema")
    if ck == "object":
        for name in sorted(set(cd) | set(jd)):
            if name not in cd:
                problems.append(f"{path}.{name}: in the schema, not in ClickHouse")
            elif name not in jd:
                problems.append(f"{path}.{name}: in ClickHouse, not in the schema")
            else:
                compare(f"{path}.{name}", cd[name], jd[name], problems)
    elif ck == "array":
        compare(f"{path}[]", cd, jd, problems)
    elif cd not in SCALARS.get(jd, ()):
        problems.append(f"{path}: {cd} in ClickHouse for a JSON {jd}")


def check_clickhouse():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    problems = []
    compare("record", ("object", False, kafka_table_columns()),
            schema_type(schema, schema["$defs"]), problems)
    return problems


# --- the picture ------------------------------------------------------------------------


def plot(records, picture):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    picture = os.path.abspath(picture)
    con = connect(records)
    for block in blocks("sql"):
        if expected_columns(block) is None:
            con.execute(block)
    rows = con.sql("""
        WITH top AS (
            SELECT speaker FROM quotes WHERE speaker IS NOT NULL
            GROUP BY speaker ORDER BY count(*) DESC, speaker LIMIT 8
        ),
        weeks AS (
            SELECT date_trunc('week', day) AS week FROM quotes
            WHERE day IS NOT NULL GROUP BY week HAVING count(*) >= 100
        )
        SELECT w.week, t.speaker, count(q.speaker) AS quotes
        FROM weeks w CROSS JOIN top t
        LEFT JOIN quotes q ON q.speaker = t.speaker AND date_trunc('week', q.day) = w.week
        GROUP BY w.week, t.speaker
        ORDER BY w.week, t.speaker
    """).fetchall()
    weeks = sorted({r[0] for r in rows})
    speakers = [r[0] for r in con.sql("""
        SELECT speaker FROM quotes WHERE speaker IS NOT NULL
        GROUP BY speaker ORDER BY count(*) DESC, speaker LIMIT 8""").fetchall()]
    counts = {(r[0], r[1]): r[2] for r in rows}
    fig, ax = plt.subplots(figsize=(10, 5), dpi=100)
    labels = [w.strftime("%G-W%V") for w in weeks]
    bottom = [0] * len(weeks)
    for speaker in speakers:
        values = [counts.get((w, speaker), 0) for w in weeks]
        ax.bar(labels, values, bottom=bottom, label=speaker)
        bottom = [b + v for b, v in zip(bottom, values)]
    ax.set_ylim(0, max(bottom, default=0) * 1.08 + 1)
    ax.set_ylabel("quotes")
    ax.set_xlabel("ISO week (weeks with at least 100 quotes)")
    ax.set_title("Quotes per week of the eight most quoted people, shared articles")
    ax.legend(fontsize=8, loc="upper left")
    plt.setp(ax.get_xticklabels(), rotation=45, ha="right")
    fig.tight_layout()
    fig.savefig(picture, metadata={"Software": None})
    print(f"wrote {picture}: {len(weeks)} weeks, {len(speakers)} speakers")


def main(argv):
    if len(argv) >= 2 and argv[0] == "check":
        passed, failures = 0, []
        for records in argv[1:]:
            p, f = check_queries(records)
            passed, failures = passed + p, failures + f
        problems = check_clickhouse()
        if problems:
            failures += [f"ClickHouse table: {p}" for p in problems]
        else:
            passed += 1
            print("ok   ClickHouse Kafka table matches schemas/enriched-article.v1.json")
        for f in failures:
            print(f"FAIL {f}")
        print(f"analytics: {passed} passed, {len(failures)} failed")
        return 1 if failures else 0
    if len(argv) == 3 and argv[0] == "plot":
        plot(argv[1], argv[2])
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
