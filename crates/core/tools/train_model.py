#!/usr/bin/env python3
"""Fits the engine's two models and writes src/engine/model.rs.

The measures come from the `tune` example (crates/store/examples/tune.rs), one
JSON-lines file per question set, named after the set:

  tune features KNOWLEDGE QUESTIONS 30 > FACTS_DIR/NAME.jsonl   (every candidate fact)
  tune checked  KNOWLEDGE QUESTIONS    > CHECKED_DIR/NAME.jsonl (the best few, looked at)

A split file names each set `train` or `test`, one `NAME SPLIT` a line.

  train_model.py fact     FACTS_DIR   SPLIT_FILE [--write]
  train_model.py decision CHECKED_DIR SPLIT_FILE [--write] [--threshold T]

`fact` fits FACT, the ranking of candidate facts: a conditional logit (the
softmax of the candidates' scores, fitted to put the right ones first); it
prints, per set, how often the best fact is right with the new weights and
with the weights in use (tools/model.json), on the same measures.
`decision` fits DECISION and DECISION_CURATED, the chance that one of the best few facts answers
rightly (one model for facts read from the text, one for curated facts): a
logistic regression, whose output is the reply's confidence; it
prints the calibration (answered questions binned by confidence against
their accuracy) of the test sets. Rerun `tune checked` after fitting FACT:
its log-odds are one of DECISION's measures.

Each domain (reading comprehension, news, the bundled article uncurated and
curated) weighs the same, whatever its number of questions. The parameters
are kept in tools/model.json; --write regenerates src/engine/model.rs from it.
Needs numpy, scipy and scikit-learn.
"""
import collections, json, os, sys
import numpy as np
from scipy.optimize import minimize
from sklearn.linear_model import LogisticRegression

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
PARAMS = os.path.join(ROOT, "tools", "model.json")

def names_in(path, const):
    src = open(os.path.join(ROOT, path)).read()
    body = src[src.index("pub const " + const):]
    body = body[body.index("[", body.index("=")) + 1: body.index("];")]
    return [x.strip().strip('"') for x in body.split(",") if x.strip()]

def domain(name):
    if name.startswith("sq") or name.startswith("pool"):
        return "squad"
    if name.startswith("news"):
        return "news"
    return "bundled-c" if name.endswith("-c") else "bundled-u"

def load(folder, split):
    sets = dict(line.split() for line in open(split) if line.strip())
    data = {}
    for n in sets:
        qs = collections.OrderedDict()
        for line in open(os.path.join(folder, n + ".jsonl")):
            r = json.loads(line)
            q = qs.setdefault(r["q"], {"answerable": r["answerable"], "cands": []})
            if r["rank"] >= 0:
                q["cands"].append((bool(r["label"]), r["f"]))
        data[n] = list(qs.values())
    return sets, data

def domain_weights(sets, data, which):
    totals = collections.Counter()
    for n, s in sets.items():
        if s == which:
            totals[domain(n)] += len(data[n])
    return {n: 1.0 / totals[domain(n)] for n, s in sets.items() if s == which}

def fit_fact(sets, data, l2=1e-4):
    weights = domain_weights(sets, data, "train")
    groups = []
    for n, w in weights.items():
        for q in data[n]:
            lab = np.array([l for l, _ in q["cands"]], bool)
            if q["answerable"] and lab.any():
                groups.append((np.array([f for _, f in q["cands"]]), lab, w))
    d = groups[0][0].shape[1]
    total = sum(g[2] for g in groups)
    def objective(w):
        loss, grad = 0.0, np.zeros(d)
        for X, lab, wt in groups:
            z = X @ w
            z -= z.max()
            p = np.exp(z)
            p /= p.sum()
            ppos = p[lab].sum()
            loss -= wt * np.log(ppos + 1e-12)
            grad -= wt * ((p[lab] / ppos) @ X[lab] - p @ X)
        return loss / total + l2 * w @ w, grad / total + 2 * l2 * w
    w = minimize(objective, np.zeros(d), jac=True, method="L-BFGS-B", options={"maxiter": 1000}).x
    return 0.0, w

def top1(w, sets, data, which):
    out = {}
    for n, s in sets.items():
        if s != which:
            continue
        right = total = 0
        for q in data[n]:
            if q["answerable"]:
                total += 1
                if q["cands"]:
                    z = np.array([f for _, f in q["cands"]]) @ w
                    right += q["cands"][int(np.argmax(z))][0]
        out[n] = (right, total)
    return out

CURATED = 5  # the decision's own "curated" measure (see verify.rs NAMES)

def fit_decision(sets, data, curated):
    """Fits the decision for curated facts, or for facts read from the text."""
    weights = domain_weights(sets, data, "train")
    X, y, sw = [], [], []
    for n, w in weights.items():
        for q in data[n]:
            for l, f in q["cands"]:
                if (f[CURATED] > 0.5) != curated:
                    continue
                X.append(f)
                y.append(1 if (q["answerable"] and l) else 0)
                sw.append(w / max(len(q["cands"]), 1))
    sw = np.array(sw)
    m = LogisticRegression(C=0.3, max_iter=10000)
    m.fit(np.array(X), np.array(y), sample_weight=sw / sw.mean())
    return float(m.intercept_[0]), m.coef_[0]

def decide(models, sets, data, which, threshold):
    out, bins = {}, collections.defaultdict(lambda: [0, 0])
    def logit(f):
        bias, w = models[f[CURATED] > 0.5]
        return bias + np.dot(w, f)
    for n, s in sets.items():
        if s != which:
            continue
        ar = at = dr = dt = 0
        for q in data[n]:
            best = max(((logit(f), l) for l, f in q["cands"]), default=None, key=lambda x: x[0])
            p = 1 / (1 + np.exp(-best[0])) if best else 0.0
            answered = p >= threshold
            right = bool(best and best[1] and q["answerable"])
            if answered:
                b = min(int(p * 10), 9)
                bins[b][0] += right
                bins[b][1] += 1
            if q["answerable"]:
                at += 1
                ar += answered and right
            else:
                dt += 1
                dr += not answered
        out[n] = (ar, at, dr, dt)
    return out, bins

def pct(a, b):
    return f"{100 * a / b:5.1f}%" if b else "    -"

def write_rust(params):
    fact_names = names_in("src/engine/features.rs", "NAMES")
    decision_names = names_in("src/engine/verify.rs", "NAMES") + fact_names
    fact = params["fact"]
    lines = ["//! The learned weights of the engine's models (see [`super::features`] and",
             "//! [`super::verify`]), written by `crates/core/tools/train_model.py` from",
             "//! `crates/core/tools/model.json`. Do not edit by hand.", "",
             "use super::features::{Logistic, COUNT};", "use super::verify;", "",
             "/// The ranking of candidate facts, from their [`super::features::Features`]",
             "/// (a conditional logit: only differences between facts matter).",
             "pub const FACT: Logistic<COUNT> = Logistic {",
             f"    bias: {float(fact['bias']):.6},", "    weights: ["]
    lines += [f"        {float(w):.6}, // {n}" for n, w in zip(fact_names, fact["weights"])]
    lines += ["    ],", "};"]
    for key, const, doc in [("decision", "DECISION", "a fact read from the text"),
                            ("decision_curated", "DECISION_CURATED", "a curated fact")]:
        dec = params[key]
        lines += ["", f"/// The chance that {doc}, one of the best few, answers rightly, from [`verify`]'s measures.",
                  f"pub const {const}: Logistic<{{ verify::COUNT }}> = Logistic {{",
                  f"    bias: {float(dec['bias']):.6},", "    weights: ["]
        lines += [f"        {float(w):.6}, // {n}" for n, w in zip(decision_names, dec["weights"])]
        lines += ["    ],", "};"]
    lines += [""]
    open(os.path.join(ROOT, "src/engine/model.rs"), "w").write("\n".join(lines))

def main():
    stage, folder, split = sys.argv[1], sys.argv[2], sys.argv[3]
    params = json.load(open(PARAMS)) if os.path.exists(PARAMS) else {}
    sets, data = load(folder, split)
    if stage == "fact":
        names = names_in("src/engine/features.rs", "NAMES")
        bias, w = fit_fact(sets, data)
        for n, c in sorted(zip(names, w), key=lambda x: -abs(x[1])):
            print(f"  {n:24} {c:+.3f}")
        # The weights in use, on the same measures: a new measure they lack weighs 0.
        current = np.zeros(len(w))
        if "fact" in params:
            kept = params["fact"]["weights"][: len(w)]
            current[: len(kept)] = kept
        for which in ["train", "test"]:
            print(which)
            now = top1(current, sets, data, which) if "fact" in params else {}
            for n, (r, t) in top1(w, sets, data, which).items():
                was = f"  (weights in use: {now[n][0]:4})" if n in now else ""
                print(f"  {n:10} best fact right {r:4}/{t:<4} {pct(r, t)}{was}")
        params["fact"] = {"bias": bias, "weights": [float(x) for x in w]}
    else:
        threshold = float(sys.argv[sys.argv.index("--threshold") + 1]) if "--threshold" in sys.argv else 0.5
        names = names_in("src/engine/verify.rs", "NAMES") + names_in("src/engine/features.rs", "NAMES")
        models = {c: fit_decision(sets, data, c) for c in (False, True)}
        for c, (bias, w) in models.items():
            print("  curated" if c else "  read from the text", "bias", round(bias, 3),
                  {n: round(float(x), 3) for n, x in zip(names, w)})
        for which in ["train", "test"]:
            res, bins = decide(models, sets, data, which, threshold)
            print(which, "threshold", threshold)
            for n, (ar, at, dr, dt) in res.items():
                print(f"  {n:10} answerable {ar:4}/{at:<4} {pct(ar, at)}  declines {dr:4}/{dt:<4} {pct(dr, dt)}")
            print("  calibration (confidence bin: right/answered):",
                  "  ".join(f"{b / 10:.1f}-{(b + 1) / 10:.1f}: {r}/{t} {pct(r, t).strip()}" for b, (r, t) in sorted(bins.items())))
        for c, key in [(False, "decision"), (True, "decision_curated")]:
            params[key] = {"bias": models[c][0], "weights": [float(x) for x in models[c][1]]}
    if "--write" in sys.argv:
        json.dump(params, open(PARAMS, "w"), indent=1)
        if all(k in params for k in ("fact", "decision", "decision_curated")):
            write_rust(params)

if __name__ == "__main__":
    main()
