#!/usr/bin/env python3
"""Samples merge-pairs.tsv: pairs of articles that the story clusterer as it
was on 2026-11-28 (commit 18cbc0e, whole-story centroid) put in one story of
10 or more articles, to measure over-merging (see STORY-PAIRS.md).

usage: khabar stories --db DIR --format json -n 0 --min-sources 1 --min-articles 10 > stories.jsonl
       python3 sample-merge-pairs.py stories.jsonl > merge-pairs-unlabelled.tsv
"""
import datetime, json, random, sys

SEED = 20182
N = 50
stories = [json.loads(l) for l in open(sys.argv[1])]
stories = [s for s in stories if len(s["articles"]) >= 10]
rng = random.Random(SEED)
seen, out = set(), []
while len(out) < N:
    s = rng.choice(stories)
    a, b = rng.sample(s["articles"], 2)
    da, db = (datetime.date.fromisoformat(x["date"]) for x in (a, b))
    if a["source"] == b["source"] or abs((da - db).days) > 3:
        continue
    key = tuple(sorted((a["id"], b["id"])))
    if key in seen:
        continue
    seen.add(key)
    split = "dev" if rng.random() < 2 / 3 else "test"
    out.append((*key, split, len(s["articles"])))
for a, b, split, n in out:
    print(f"{a}\t{b}\t{split}\tstory-size={n}\t0")
