#!/usr/bin/env python3
"""Fits the engine's two models on candidate measures and writes src/engine/model.rs.

Input: a folder of JSON-lines files written by `cargo run --release -p factdesk-core
--example features -- KNOWLEDGE QUESTIONS 30 > DIR/NAME.jsonl`, one file per question
set, and a split file naming each set `train` or `test` (`NAME train`, one a line).

Stage 1 (FACT): logistic regression over candidates: does this fact answer the question?
Stage 2 (DECISION): logistic regression over questions, on the best candidate's
log-odds and its lead over the second: is the best candidate a right answer?

Each domain (reading comprehension, news, the bundled article uncurated and
curated) weighs the same in training, whatever its number of questions.

Usage: train_model.py DUMP_DIR SPLIT_FILE [--write PATH/TO/model.rs] [--threshold-report]
Needs numpy and scikit-learn.
"""
import json, sys, os, collections, math
import numpy as np
from sklearn.linear_model import LogisticRegression

NAMES = None  # read from features.rs

def feature_names(root):
    src = open(os.path.join(root, "src/engine/features.rs")).read()
    body = src[src.index("pub const NAMES"):]
    body = body[body.index("[", body.index("=")) + 1: body.index("];")]
    return [x.strip().strip('"') for x in body.split(",") if x.strip()]

def domain(name):
    if name.startswith("sq") or name.startswith("pool"):
        return "squad"
    if name.startswith("news"):
        return "news"
    return "bundled-c" if name.endswith("-c") else "bundled-u"

def load(dump, split):
    sets = {}
    for line in open(split):
        if line.strip():
            n, s = line.split()
            sets[n] = s
    data = {}
    for n in sets:
        qs = collections.OrderedDict()
        for line in open(os.path.join(dump, n + ".jsonl")):
            r = json.loads(line)
            q = qs.setdefault(r["q"], {"kind": r["kind"], "answerable": r["answerable"], "cands": []})
            if r["rank"] >= 0:
                q["cands"].append((r["label"], r["f"]))
        data[n] = list(qs.values())
    return sets, data

def stage1(sets, data, which, C=1.0):
    X, y, w = [], [], []
    totals = collections.Counter()
    for n, s in sets.items():
        if s == which:
            totals[domain(n)] += len(data[n])
    for n, s in sets.items():
        if s != which:
            continue
        dw = 1.0 / max(totals[domain(n)], 1)
        for q in data[n]:
            if not q["cands"]:
                continue
            qw = dw / len(q["cands"]) * 10
            # positives weigh as much as all the negatives of their question
            npos = sum(1 for l, _ in q["cands"] if l)
            for l, f in q["cands"]:
                X.append(f)
                y.append(1 if l else 0)
                w.append(qw * (len(q["cands"]) / max(npos, 1) * 0.5 if l else 1.0))
    X, y, w = np.array(X), np.array(y), np.array(w)
    m = LogisticRegression(C=C, max_iter=5000)
    m.fit(X, y, sample_weight=w / w.mean())
    return m

def best_two(m, q):
    if not q["cands"]:
        return None
    X = np.array([f for _, f in q["cands"]])
    z = m.decision_function(X)
    order = np.argsort(-z, kind="stable")
    b = order[0]
    second = z[order[1]] if len(order) > 1 else None
    return z[b], second, q["cands"][b][0]

def lead_of(z1, z2):
    return 3.0 if z2 is None else min(z1 - z2, 3.0)

def stage2(m, sets, data, which):
    X, y, w = [], [], []
    totals = collections.Counter()
    for n, s in sets.items():
        if s == which:
            totals[domain(n)] += len(data[n])
    for n, s in sets.items():
        if s != which:
            continue
        for q in data[n]:
            r = best_two(m, q)
            if r is None:
                continue
            z1, z2, label = r
            X.append([z1, lead_of(z1, z2)])
            y.append(1 if (q["answerable"] and label) else 0)
            w.append(1.0 / totals[domain(n)])
    d = LogisticRegression(C=1.0, max_iter=5000)
    d.fit(np.array(X), np.array(y), sample_weight=np.array(w) / np.mean(w))
    return d

def evaluate(m, d, sets, data, which, threshold=0.5):
    out = {}
    for n, s in sets.items():
        if s != which:
            continue
        ar = at = dr = dt = top = 0
        for q in data[n]:
            r = best_two(m, q)
            if r is None:
                p, label = 0.0, False
            else:
                z1, z2, label = r
                p = d.predict_proba(np.array([[z1, lead_of(z1, z2)]]))[0, 1]
            answered = p >= threshold
            if q["answerable"]:
                at += 1
                top += 1 if label else 0
                ar += 1 if (answered and label) else 0
            else:
                dt += 1
                dr += 0 if answered else 1
        out[n] = (ar, at, dr, dt, top)
    return out

def report(res):
    for n, (ar, at, dr, dt, top) in res.items():
        pa = 100 * ar / at if at else float("nan")
        pd = 100 * dr / dt if dt else float("nan")
        pt = 100 * top / at if at else float("nan")
        print(f"  {n:10} ans {ar:4}/{at:<4} {pa:5.1f}%  dec {dr:4}/{dt:<4} {pd:5.1f}%  top1 {pt:5.1f}%")

def write(path, names, m, d):
    coef = m.coef_[0]
    lines = ["//! The learned weights of the engine's models (see [`super::features`]),",
             "//! written by `crates/core/tools/train_model.py`. Do not edit by hand.",
             "", "use super::features::{Decision, Logistic};", "",
             "/// The chance that a fact answers a question, from its [`super::features::Features`].",
             "pub const FACT: Logistic = Logistic {",
             f"    bias: {m.intercept_[0]:.6},", "    weights: ["]
    for n, c in zip(names, coef):
        lines.append(f"        {c:.6}, // {n}")
    lines += ["    ],", "};", "",
              "/// Whether to answer with the best fact: the chance it is right.",
              "pub const DECISION: Decision = Decision {",
              f"    bias: {d.intercept_[0]:.6},",
              f"    best: {d.coef_[0][0]:.6},",
              f"    lead: {d.coef_[0][1]:.6},", "};", ""]
    open(path, "w").write("\n".join(lines))

def main():
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    names = feature_names(root)
    dump, split = sys.argv[1], sys.argv[2]
    sets, data = load(dump, split)
    m = stage1(sets, data, "train")
    d = stage2(m, sets, data, "train")
    for n, c in sorted(zip(names, m.coef_[0]), key=lambda x: -abs(x[1])):
        print(f"  {n:24} {c:+.3f}")
    print("decision", d.intercept_, d.coef_)
    for t in [0.3, 0.4, 0.5, 0.6]:
        print(f"threshold {t}: train")
        report(evaluate(m, d, sets, data, "train", t))
        print(f"threshold {t}: test")
        report(evaluate(m, d, sets, data, "test", t))
    if "--write" in sys.argv:
        write(sys.argv[sys.argv.index("--write") + 1], names, m, d)

if __name__ == "__main__":
    main()
