#!/usr/bin/env python3
"""Samples the article pairs of story-pairs.tsv (see STORY-PAIRS.md).

usage: python3 sample-story-pairs.py ../../../shared/data/ant-news/ant-multisource-v2.1.jsonl.gz > pairs-unlabelled.tsv
"""
import collections, datetime, gzip, json, random, re, sys

SEED = 20181
N = 150
docs = []
for line in gzip.open(sys.argv[1], "rt", encoding="utf-8"):
    d = json.loads(line)
    docs.append(d)

def norm(w):
    w = re.sub("[\u064b-\u0652\u0640]", "", w)
    w = re.sub("[أإآ]", "ا", w).replace("ة", "ه").replace("ى", "ي")
    if w.startswith("ال") and len(w) > 4:
        w = w[2:]
    return w

def words(t):
    return {norm(w) for w in re.findall(r"[\u0621-\u064a]+", t) if len(w) > 3}

titles = [words(d["title"]) for d in docs]
df = collections.Counter(w for ws in titles for w in ws)
# Salient: in the titles of 3..150 articles (not a one-off, not a common word).
sal = [{w for w in ws if 3 <= df[w] <= 150} for ws in titles]
day = [datetime.date.fromisoformat(d["date"][:10]).toordinal() for d in docs]
by_term = collections.defaultdict(list)
for i, ws in enumerate(sal):
    for w in ws:
        by_term[w].append(i)
rng = random.Random(SEED)
terms = sorted(by_term)
seen, out = set(), []
while len(out) < N:
    w = rng.choice(terms)
    lst = by_term[w]
    i, j = rng.sample(lst, 2)
    if abs(day[i] - day[j]) > 3 or docs[i]["src"] == docs[j]["src"]:
        continue
    a, b = sorted((docs[i]["docno"], docs[j]["docno"]))
    if (a, b) in seen:
        continue
    seen.add((a, b))
    shared = len(sal[i] & sal[j])
    split = "dev" if rng.random() < 2 / 3 else "test"
    out.append((a, b, split, w, shared))
for a, b, split, w, shared in out:
    print(f"{a}\t{b}\t{split}\t{w}\t{shared}")
