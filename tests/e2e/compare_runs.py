# @file compare_runs.py @brief Compares two khoj-search --format json outputs of the same queries (one index vs shards): ids, order, scores, hit fields, facets; articles with equal scores may trade places.
"""usage: compare_runs.py ONE.json SHARDS.json [--sort-date] [--strict]

With --strict every difference counts: equal scores in another order, another spelling of an
entity name, another choice of articles tied at the facet basis's last place.

Hits are compared query by query: the same number; at each rank a score within 1e-4 (JSON
prints 4 decimals; the unit test compares full precision to 1e-6); the same ids at the same
ranks, except that articles whose scores (and, with --sort-date, dates) are equal may be in
another order: Xapian orders equal scores by docid, and a docid depends on the shard layout.
The last group of equal scores on a page may hold other members of the tie. Every hit found
in both must be the same line (title, snippet, highlights, entities) but for its rank.
Facet lines must be identical. Prints one summary line; exits 1 on a difference.
"""
import json
import sys


def read(path):
    hits, facets, order = {}, [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            obj = json.loads(line)
            if "facets" in obj:
                facets.append(line)
                continue
            if obj["qid"] not in hits:
                order.append(obj["qid"])
            hits.setdefault(obj["qid"], []).append(obj)
    return hits, facets, order


def groups(hits, sort_date):
    """Runs of hits with the same ranking key, as lists of ids."""
    runs, key = [], None
    for h in hits:
        k = (h["date"], h["score"]) if sort_date else h["score"]
        if not runs or k != key:
            runs.append([])
            key = k
        runs[-1].append(h["id"])
    return runs


def without_rank(hit):
    return {k: v for k, v in hit.items() if k != "rank"}


def without_spelling(obj):
    """@p obj with the Devanagari name of every entity or facet that has an English one blanked:
    the catalog of an index names an entity the gazetteer lacks as the first article that
    mentioned it spelt it, and a shard's first article may spell it otherwise."""
    if isinstance(obj, dict):
        return {k: ("" if k == "name" and obj.get("name_en") else without_spelling(v)) for k, v in obj.items()}
    if isinstance(obj, list):
        return [without_spelling(v) for v in obj]
    return obj


def compare_query(qid, a, b, sort_date, problems):
    if len(a) != len(b):
        problems.append(f"{qid}: {len(a)} hits vs {len(b)}")
        return 0, 0
    for x, y in zip(a, b):
        if abs(x["score"] - y["score"]) > 1e-4 or (sort_date and x["date"] != y["date"]):
            problems.append(f"{qid} rank {x['rank']}: {x['id']} {x['score']} vs {y['id']} {y['score']}")
            return 0, 0
    ga, gb = groups(a, sort_date), groups(b, sort_date)
    for i, (ra, rb) in enumerate(zip(ga, gb)):
        if len(ra) != len(rb) or (i + 1 < len(ga) and sorted(ra) != sorted(rb)):
            problems.append(f"{qid}: tied group {i} differs: {ra} vs {rb}")
    lines_b = {h["id"]: without_rank(h) for h in b}
    spelling = 0
    for h in a:
        other = lines_b.get(h["id"])
        if other is None or without_rank(h) == other:
            continue
        if without_spelling(without_rank(h)) == without_spelling(other):
            spelling += 1
        else:
            problems.append(f"{qid}: hit {h['id']} differs:\n  {without_rank(h)}\n  {other}")
    return sum(1 for x, y in zip(a, b) if x["id"] == y["id"]), spelling


def main():
    sort_date = "--sort-date" in sys.argv
    paths = [p for p in sys.argv[1:] if not p.startswith("--")]
    (ha, fa, oa), (hb, fb, ob) = read(paths[0]), read(paths[1])
    problems = []
    if oa != ob:
        problems.append(f"queries with hits differ: {sorted(set(oa) ^ set(ob))}")
    same_place = total = spelt = 0
    for qid in oa:
        if qid in hb:
            same, spelling = compare_query(qid, ha[qid], hb[qid], sort_date, problems)
            same_place, spelt, total = same_place + same, spelt + spelling, total + len(ha[qid])
    facets_spelt = facets_cut = 0
    if len(fa) != len(fb):
        problems.append(f"{len(fa)} facet lines vs {len(fb)}")
    for x, y in zip(fa, fb):
        fx, fy = without_spelling(json.loads(x)), without_spelling(json.loads(y))
        if fx == fy:
            facets_spelt += x != y
        elif not fx["facets"]["all_matches"] and fx["facets"]["basis"] == fy["facets"]["basis"]:
            # Facets count the best `basis` matches; which of the articles tied at the last
            # place are among them depends on docids, as for the ties of a page.
            facets_cut += 1
        else:
            problems.append(f"facets differ:\n  {x}  {y}")
    print(f"{len(oa)} queries, {total} hits, {same_place} at the very same rank, "
          f"{total - same_place} equal-score hits in another order, {spelt} hits and {facets_spelt} of "
          f"{len(fa)} facet lines with another spelling of an entity name, {facets_cut} facet lines "
          f"counted over another choice among articles tied at the basis's last place: "
          + ("identical" if not problems else f"{len(problems)} differences"))
    if "--strict" in sys.argv and (total != same_place or spelt or facets_spelt or facets_cut):
        problems.append("--strict: ties, spellings or facet cuts differ")
    for p in problems[:10]:
        print("  " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
