#!/usr/bin/env python3
"""Builds the decline pools: SQuAD 2.0 *train* questions written to look
answerable and not answered, with as many answerable ones, per article.

  squad_pool.py TRAIN_V2_JSON KIT_QUESTIONS.jsonl OUT_DIR

TRAIN_V2_JSON is a SQuAD 2.0 train file (never the dev file: it is the hidden
evaluation). Only its articles that hold unanswerable questions are used, and
questions the tuning kit already asks (KIT_QUESTIONS.jsonl) are left out. Each
article gives OUT_DIR/pool-<kit id>.jsonl, in the eval
format, to score against the kit's knowledge:

  factdesk --knowledge KIT/knowledge eval OUT_DIR/pool-spectre-2015-film.jsonl

train_model.py counts sets named pool-* in the reading-comprehension domain.
SQuAD is CC BY-SA 4.0 (Rajpurkar et al.); the pools are derivatives under it.
"""
import json, random, re, sys, unicodedata

def kit_id(title):
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")

def main():
    train, kit, out = sys.argv[1:4]
    asked = {json.loads(l)["q"] for l in open(kit) if l.strip()}
    for article in json.load(open(train))["data"]:
        aid = kit_id(article["title"])
        unanswerable, answerable = [], []
        for paragraph in article["paragraphs"]:
            for qa in paragraph["qas"]:
                if qa["question"] in asked:
                    continue
                if qa["is_impossible"]:
                    unanswerable.append({"q": qa["question"], "expect": None,
                                         "kind": "unanswerable", "article": aid})
                else:
                    answerable.append({"q": qa["question"], "expect": [[qa["answers"][0]["text"]]],
                                       "kind": "squad", "article": aid})
        if not unanswerable:
            continue
        answerable = random.Random(7).sample(answerable, min(len(answerable), len(unanswerable)))
        name = f"{out}/pool-{aid}.jsonl"
        with open(name, "w") as f:
            for q in unanswerable + answerable:
                f.write(json.dumps(q) + "\n")
        print(name, len(unanswerable), "unanswerable,", len(answerable), "answerable")

if __name__ == "__main__":
    main()
