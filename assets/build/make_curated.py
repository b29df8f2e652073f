#!/usr/bin/env python3
"""Rebuild the curated world features at the end of ../gazetteer_supplement.tsv.

Inputs (in this directory, written by hand for this project):
  curated_rivers.tsv  rivers, each anchored on a town on its bank: the river's point is the
                      GeoNames point of that town in ../gazetteer.tsv.gz (anchor_town, anchor_cc,
                      anchor_admin1 pick it: the row named so, in that country and first-level
                      region, most populous first)
  curated_ranges.tsv  mountain ranges, single peaks, uplands, plateaus, valleys, plains, deserts,
                      peninsulas and geographic regions: a label point and a radius by hand
  curated_lakes.tsv   lakes and reservoirs: a label point and a radius by hand

Rules: `bare_ok` = "no" marks a name that is also a country, a region, a town, a common word or a
person's name: such a feature is keyed only by its qualified forms ("Tana River", never "Tana").
Alternates holding parentheses are dropped; accent-free spellings are added. A name or
alternate that an older supplement row already has is skipped (the older row wins).

The rows this script writes end their note with MARK; it rewrites the supplement in place,
keeping every other row as it is, so running it twice changes nothing.
Usage: python3 make_curated.py
"""
import csv
import gzip
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ASSETS = HERE.parent
SUPPLEMENT = ASSETS / "gazetteer_supplement.tsv"
MARK = "; made by build/make_curated.py"


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def norm(s):
    return fold(s).lower().replace("\u2019", "'").strip()


def read(name):
    with open(HERE / name, encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def towns():
    index = {}
    with gzip.open(ASSETS / "gazetteer.tsv.gz", "rt", encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            c = line.rstrip("\n").split("\t")
            if c[5] != "P":
                continue
            for n in {norm(c[0]), norm(c[1])} | {norm(x) for x in c[2].split(",") if x}:
                index.setdefault(n, []).append(c)
    return index


def anchor(index, town, cc, admin1):
    rows = [r for r in index.get(norm(town), []) if r[7] == cc and norm(admin1) in norm(r[8])]
    rows.sort(key=lambda r: (norm(r[0]) != norm(town), -int(r[9] or 0)))
    return rows[0] if rows else None


def alternates(name, alts, taken):
    out, seen = [], {name.casefold(), fold(name).casefold()}
    for a in alts.split(","):
        a = a.strip()
        if "(" in a or ")" in a:
            continue
        for v in (a, fold(a)):
            if v and "," not in v and v.casefold() not in seen and norm(v) not in taken:
                seen.add(v.casefold())
                out.append(v)
    return ",".join(out)


def main():
    with open(SUPPLEMENT, encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    header, kept = lines[0], [ln for ln in lines[1:] if not ln.endswith(MARK)]
    taken = set()
    for ln in kept:
        c = ln.split("\t")
        taken |= {norm(c[0])} | {norm(a) for a in c[2].split(",") if a}
    out = []

    def emit(name, alts, lat, lon, fcl, fco, cc, admin1, note):
        if norm(name) in taken:
            print(f"skipped (an older row has it): {name}", file=sys.stderr)
            return
        row = [name, fold(name), alternates(name, alts, taken), f"{lat:.5f}", f"{lon:.5f}",
               fcl, fco, cc, admin1, "", "", "", "curated", note + MARK]
        taken.add(norm(name))
        taken.update(norm(a) for a in row[2].split(",") if a)
        out.append("\t".join(row))

    index = towns()
    for r in read("curated_rivers.tsv"):
        a = anchor(index, r["anchor_town"], r["anchor_cc"], r["anchor_admin1"] or "")
        if a is None:
            sys.exit(f"curated_rivers.tsv: {r['name']}: no town {r['anchor_town']} in {r['anchor_cc']}")
        note = f"coord: the GeoNames point of {a[0]}, a town on the river; precision ~3 km"
        if r["countries"]:
            note += "; flows " + ", ".join(r["countries"].split(","))
        if r["note"]:
            note += "; " + r["note"]
        emit(r["name"], r["alternates"], float(a[3]), float(a[4]), "H", "STM", r["anchor_cc"], a[8], note)
    for file, code_of in (("curated_ranges.tsv", None), ("curated_lakes.tsv", "LK")):
        for r in read(file):
            code = code_of or r["feature_code"]
            fcl = "H" if code in ("LK", "RSV") else ("L" if code in ("RGN", "PEN", "PLN") else "T")
            ccs = [c for c in (r.get("countries") or "").replace(" ", ",").split(",") if c]
            note = f"coord: curator's knowledge of well-known geography; precision ~{r['radius_km']} km; label point"
            if r.get("note"):
                note += "; " + r["note"]
            emit(r["name"], r["alternates"], float(r["lat"]), float(r["lon"]), fcl, code,
                 ccs[0] if len(ccs) == 1 else "", "", note)
    with open(SUPPLEMENT, "w", encoding="utf-8") as fh:
        fh.write("\n".join([header, *kept, *out]) + "\n")
    print(f"{len(kept)} rows kept, {len(out)} curated rows written", file=sys.stderr)


if __name__ == "__main__":
    main()
