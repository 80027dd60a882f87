#!/usr/bin/env python3
"""Build data/lexdb.bin for the factdesk-lexdb crate from WordNet dict files.

Dev-only tool (Python 3.11, standard library only). See data/README.md for the
sources and tools/fetch_sources.sh for how to get them.

Usage:
    python3 tools/build_lexdb.py --dict DIR --exc DIR [--supplement FILE]
                                 [--out data/lexdb.bin] [--report]

--dict  a WordNet "dict" directory with index.{noun,verb,adj,adv} and
        data.{noun,verb,adj,adv} (WNDB format: WordNet 3.0/3.1, or an Open
        English WordNet WNDB export).
--exc   a directory with the morphy exception lists {noun,verb,adj,adv}.exc
        (may be the same directory as --dict when it ships them).

Output format (all integers little-endian u32; every section starts on a
4-byte boundary; the layout is mirrored by src/format.rs):

    header:  magic b"LEXDB\\0v1" (8 bytes), u32 section count (N), u32 flags (0),
             then N pairs (u32 offset, u32 length in bytes).
    sections, in order:
     0 STR            utf-8 bytes of every string (lemmas, exception forms)
     1 LEMMA_OFF      u32[L+1]  lemma i = STR[off[i]..off[i+1]], sorted by bytes
     2 LEMMA_FAMILY   u32[L]    family id of lemma i
     3 LEMMA_SENSE_OFF u32[L+1] range into LEMMA_SENSES
     4 LEMMA_SENSES   u32[]     synset ids: the lemma's senses grouped by part of
                                speech (n, v, a, r), each group in WordNet sense
                                (frequency) order
     5 SYN_POS        u8[S] (padded)  0 noun, 1 verb, 2 adj (incl. satellite), 3 adv
     6 SYN_MEMBER_OFF u32[S+1]
     7 SYN_MEMBERS    u32[]     lemma ids, in synset order
     8 SYN_HYPER_OFF  u32[S+1]
     9 SYN_HYPERS     u32[]     hypernym (@) and instance hypernym (@i) synset ids
    10 SYN_OFFSET     u32[S]    the source database's synset offset (0 for the
                                supplement's synsets)
    11 EXC_FORM_OFF   u32[E+1]  exception form i = STR[off[i]..off[i+1]], sorted
    12 EXC_ENTRY_OFF  u32[E+1]  range into EXC_ENTRIES
    13 EXC_ENTRIES    u32[]     (pos << 30) | base lemma id
    14 META           utf-8 "key=value" lines (source, counts, parameters)
    15 ANTONYMS       u32[2*P]  pairs (lemma id, antonym lemma id), sorted, both
                                directions of every antonym (!) pointer between
                                two words
    16 CAUSES         u32[2*C]  pairs (verb synset id, synset id of what it
                                causes), sorted: WordNet's cause (>) pointers
                                between two synsets (kill -> die, raise -> rise)

Family ids are dense (0..F), numbered in order of their first lemma.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import struct
import sys
from collections import defaultdict

POS_CODES = {"n": 0, "v": 1, "a": 2, "s": 2, "r": 3}
POS_FILES = [("noun", "n"), ("verb", "v"), ("adj", "a"), ("adv", "r")]
POS_NAMES = ["noun", "verb", "adj", "adv"]

# Family building parameters (see README and the crate docs).
FAMILY_SENSE_LIMIT = 3  # both ends of a link must be in the lemma's first N senses
FAMILY_SIZE_CAP = 24  # never merge two families into one larger than this
# Links between lemmas that do not look alike (die/death, heat/thermal,
# neuromuscular/muscle) are applied after all look-alike links, and only while
# the merged family stays this small: this keeps compounds and suppletive
# pairs from bridging two established families.
FAMILY_SUPPLETIVE_CAP = 12
# Pointer symbols used for derivational families:
#   +  derivationally related form, \ pertainym (adj->noun, adv->adj),
#   <  participle of verb (adj -> verb).
FAMILY_POINTERS = {"+", "\\", "<"}
HYPERNYM_POINTERS = {"@", "@i"}

MAGIC = b"LEXDB\0v1"
SECTION_NAMES = [
    "STR",
    "LEMMA_OFF",
    "LEMMA_FAMILY",
    "LEMMA_SENSE_OFF",
    "LEMMA_SENSES",
    "SYN_POS",
    "SYN_MEMBER_OFF",
    "SYN_MEMBERS",
    "SYN_HYPER_OFF",
    "SYN_HYPERS",
    "SYN_OFFSET",
    "EXC_FORM_OFF",
    "EXC_ENTRY_OFF",
    "EXC_ENTRIES",
    "META",
    "ANTONYMS",
    "CAUSES",
]
ANTONYM_POINTER = "!"
CAUSE_POINTER = ">"


def norm(word: str) -> str:
    """Normalise a WordNet word form: lowercase, '_' -> ' ', strip adj marker."""
    w = word
    if w.endswith(")") and "(" in w:  # adjective syntactic markers: (a) (p) (ip)
        w = w[: w.index("(")]
    return w.replace("_", " ").lower()


def read_lines(path: str):
    with open(path, encoding="utf-8", errors="strict") as f:
        for line in f:
            if line.startswith("  "):  # licence header
                continue
            line = line.rstrip("\n")
            if line:
                yield line


def parse_index(dict_dir: str):
    """Return {(lemma, pos): [offsets in sense order]}."""
    senses = {}
    for fname, pos in POS_FILES:
        for line in read_lines(os.path.join(dict_dir, "index." + fname)):
            parts = line.split()
            lemma = norm(parts[0])
            synset_cnt = int(parts[2])
            p_cnt = int(parts[3])
            rest = parts[4 + p_cnt :]
            # rest: sense_cnt tagsense_cnt offsets...
            offsets = [int(x) for x in rest[2 : 2 + synset_cnt]]
            assert len(offsets) == synset_cnt, line
            key = (lemma, POS_CODES[pos])
            if key in senses:  # should not happen; keep first
                continue
            senses[key] = offsets
    return senses


class Synset:
    __slots__ = ("pos", "offset", "words", "pointers", "gloss")

    def __init__(self, pos, offset, words, pointers, gloss):
        self.pos = pos
        self.gloss = gloss
        self.offset = offset
        self.words = words  # list of normalised lemmas (with duplicates removed)
        self.pointers = pointers  # list of (symbol, target_pos, target_offset, src, tgt)


def parse_data(dict_dir: str):
    """Return {(pos, offset): Synset} where pos is the 0..3 code."""
    synsets = {}
    for fname, _ in POS_FILES:
        for line in read_lines(os.path.join(dict_dir, "data." + fname)):
            body, _, gloss = line.partition(" | ")
            parts = body.split()
            offset = int(parts[0])
            ss_type = parts[2]
            pos = POS_CODES[ss_type]
            w_cnt = int(parts[3], 16)
            raw_words = []
            i = 4
            for _ in range(w_cnt):
                raw_words.append(norm(parts[i]))
                i += 2
            p_cnt = int(parts[i])
            i += 1
            pointers = []
            for _ in range(p_cnt):
                sym, toff, tpos, st = parts[i : i + 4]
                i += 4
                src = int(st[:2], 16)
                tgt = int(st[2:], 16)
                pointers.append((sym, POS_CODES[tpos], int(toff), src, tgt))
            synsets[(pos, offset)] = Synset(pos, offset, raw_words, pointers, gloss.strip()[:70])
    return synsets


def parse_exceptions(exc_dir: str):
    """Return {(form, pos): [bases]} (normalised)."""
    exc = defaultdict(list)
    for fname, pos in POS_FILES:
        path = os.path.join(exc_dir, fname + ".exc")
        if not os.path.exists(path):
            continue
        for line in read_lines(path):
            parts = line.split()
            form = norm(parts[0])
            for base in parts[1:]:
                b = norm(base)
                if b not in exc[(form, POS_CODES[pos])]:
                    exc[(form, POS_CODES[pos])].append(b)
    return exc


def common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def look_alike(a: str, b: str) -> bool:
    """True when two lemmas share a stem-like prefix (elect/election, die/dying)."""
    return common_prefix(a, b) >= min(3, min(len(a), len(b)) - 1)


def parse_family_links(path: str):
    """Lines: lemma TAB lemma (extra derivational links WordNet lacks)."""
    pairs = []
    if not path:
        return pairs
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 2:
                sys.exit(f"{path}:{n}: expected 2 tab-separated columns")
            pairs.append((norm(cols[0].strip()), norm(cols[1].strip()), n))
    return pairs


def parse_supplement(path: str):
    """Lines: lemmas(|-separated) TAB pos TAB hypernym lemma TAB sense number."""
    entries = []
    if not path:
        return entries
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 4:
                sys.exit(f"{path}:{n}: expected 4 tab-separated columns")
            lemmas = [norm(x.strip()) for x in cols[0].split("|")]
            entries.append((lemmas, POS_CODES[cols[1].strip()], norm(cols[2].strip()), int(cols[3]), n))
    return entries


class UnionFind:
    def __init__(self, n):
        self.parent = list(range(n))
        self.size = [1] * n

    def find(self, x):
        root = x
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a, b, cap):
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return "same"
        if self.size[ra] + self.size[rb] > cap:
            return "capped"
        if self.size[ra] < self.size[rb]:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.size[ra] += self.size[rb]
        return "merged"


def build(args):
    index = parse_index(args.dict)
    data = parse_data(args.dict)
    exc = parse_exceptions(args.exc)
    supplement = parse_supplement(args.supplement)
    curated_links = parse_family_links(args.family_links)

    # ---- synset ids: (pos, offset) order, then supplement synsets ----
    keys = sorted(data.keys())
    syn_id = {k: i for i, k in enumerate(keys)}
    syn_pos = [k[0] for k in keys]
    syn_offset = [k[1] for k in keys]

    # ---- lemma senses ----
    lemma_senses = defaultdict(lambda: [[], [], [], []])
    for (lemma, pos), offsets in index.items():
        ids = []
        for off in offsets:
            # adjective index entries point at both head (a) and satellite (s)
            # synsets; both are stored under pos code 2.
            k = (pos, off)
            if k not in syn_id:
                sys.exit(f"index entry {lemma}/{pos} points at missing synset {off}")
            ids.append(syn_id[k])
        lemma_senses[lemma][pos] = ids

    # sense rank of (lemma, synset id): 1-based
    rank = {}
    for lemma, per_pos in lemma_senses.items():
        for ids in per_pos:
            for r, s in enumerate(ids, 1):
                rank.setdefault((lemma, s), r)

    # ---- supplement: new synsets appended after the database's ----
    supp_members = []  # per new synset: list of lemmas
    supp_hyper = []
    supp_report = []
    for lemmas, pos, hyper_lemma, hyper_sense, line_no in supplement:
        if any(lemma_senses.get(l, [[]] * 4)[pos] for l in lemmas):
            supp_report.append(f"  skipped line {line_no} ({'|'.join(lemmas)}): already in the database")
            continue
        hyper_ids = lemma_senses.get(hyper_lemma, [[]] * 4)[pos]
        if len(hyper_ids) < hyper_sense:
            sys.exit(f"supplement line {line_no}: {hyper_lemma} has no sense {hyper_sense}")
        new_id = len(keys) + len(supp_members)
        supp_members.append(lemmas)
        supp_hyper.append([hyper_ids[hyper_sense - 1]])
        syn_pos.append(pos)
        syn_offset.append(0)
        for l in lemmas:
            lemma_senses[l][pos].append(new_id)
            rank.setdefault((l, new_id), len(lemma_senses[l][pos]))
        if hyper_ids[hyper_sense - 1] < len(keys):
            gloss = data[keys[hyper_ids[hyper_sense - 1]]].gloss
        else:
            gloss = "(supplement synset)"
        supp_report.append(
            f"  added {'|'.join(lemmas)} ({POS_NAMES[pos]}) is-a {hyper_lemma}#{hyper_sense}: {gloss}"
        )

    # ---- lemma ids: every string that is a lemma (index or synset member) ----
    all_lemmas = set(lemma_senses.keys())
    for s in data.values():
        all_lemmas.update(s.words)
    lemma_list = sorted(all_lemmas, key=lambda s: s.encode("utf-8"))
    lemma_id = {l: i for i, l in enumerate(lemma_list)}
    n_lemmas = len(lemma_list)

    # ---- synset members and hypernyms ----
    syn_members = []
    syn_hypers = []
    for k in keys:
        s = data[k]
        members = []
        for w in s.words:
            lid = lemma_id[w]
            if lid not in members:
                members.append(lid)
        syn_members.append(members)
        hyps = []
        for sym, tpos, toff, _src, _tgt in s.pointers:
            if sym in HYPERNYM_POINTERS:
                hid = syn_id[(tpos, toff)]
                if hid not in hyps:
                    hyps.append(hid)
        syn_hypers.append(hyps)
    for lemmas, hyps in zip(supp_members, supp_hyper):
        syn_members.append([lemma_id[l] for l in lemmas])
        syn_hypers.append(hyps)
    n_syn = len(syn_members)

    # ---- families: union-find over derivational pointers, capped ----
    links = set()
    for k in keys:
        s = data[k]
        for sym, tpos, toff, src, tgt in s.pointers:
            if sym not in FAMILY_POINTERS or src == 0 or tgt == 0:
                continue
            t = data[(tpos, toff)]
            a = s.words[src - 1]
            b = t.words[tgt - 1]
            if a == b:
                continue
            ra = rank.get((a, syn_id[k]))
            rb = rank.get((b, syn_id[(tpos, toff)]))
            if ra is None or rb is None:
                continue
            if ra > FAMILY_SENSE_LIMIT or rb > FAMILY_SENSE_LIMIT:
                continue
            x, y = sorted((lemma_id[a], lemma_id[b]))
            # look-alike links first, then by strength (links between first senses)
            key = (0 if look_alike(a, b) else 1, max(ra, rb), ra + rb, x, y)
            links.add(key)
    uf = UnionFind(n_lemmas)
    stats = defaultdict(int)
    for a, b, n in curated_links:
        if a not in lemma_id or b not in lemma_id:
            sys.exit(f"family link line {n}: {a!r} or {b!r} is not a lemma")
        # curated links go first, so that they are never refused by a cap
        stats["curated:" + uf.union(lemma_id[a], lemma_id[b], FAMILY_SIZE_CAP)] += 1
    for key in sorted(links):
        # duplicates of a pair (weaker senses) come later and count as "same"
        cap = FAMILY_SIZE_CAP if key[0] == 0 else FAMILY_SUPPLETIVE_CAP
        stats[uf.union(key[3], key[4], cap)] += 1
    roots = {}
    fam_of = [0] * n_lemmas
    for i in range(n_lemmas):
        r = uf.find(i)
        if r not in roots:
            roots[r] = len(roots)
        fam_of[i] = roots[r]
    n_fam = len(roots)
    fam_members = [[] for _ in range(n_fam)]
    for i, f in enumerate(fam_of):
        fam_members[f].append(i)

    # ---- exceptions: keep bases that are lemmas of that part of speech ----
    exc_map = defaultdict(list)
    for (form, pos), bases in exc.items():
        for b in bases:
            if b == form:
                continue
            if lemma_senses.get(b, [[]] * 4)[pos]:
                e = (pos << 30) | lemma_id[b]
                if e not in exc_map[form]:
                    exc_map[form].append(e)
    exc_forms = sorted(exc_map.keys(), key=lambda s: s.encode("utf-8"))

    # ---- string table ----
    str_blob = bytearray()
    lemma_off = [0]
    for l in lemma_list:
        str_blob += l.encode("utf-8")
        lemma_off.append(len(str_blob))
    exc_form_off = [len(str_blob)]
    for f in exc_forms:
        str_blob += f.encode("utf-8")
        exc_form_off.append(len(str_blob))

    # ---- CSR arrays ----
    def csr(lists):
        off = [0]
        flat = []
        for lst in lists:
            flat.extend(lst)
            off.append(len(flat))
        return off, flat

    sense_lists = []
    for l in lemma_list:
        per = lemma_senses.get(l)
        sense_lists.append([s for ids in per for s in ids] if per else [])
    sense_off, senses_flat = csr(sense_lists)
    mem_off, mem_flat = csr(syn_members)
    hyp_off, hyp_flat = csr(syn_hypers)
    exc_entry_off, exc_flat = csr([exc_map[f] for f in exc_forms])

    # ---- antonyms: lexical (word to word) pointers, both directions ----
    antonym_pairs = set()
    for k, syn in data.items():
        for sym, tpos, toff, src, tgt in syn.pointers:
            target = data.get((tpos, toff))
            if sym != ANTONYM_POINTER or not src or not tgt or target is None:
                continue
            a, b = syn.words[src - 1], target.words[tgt - 1]
            if a in lemma_id and b in lemma_id and a != b:
                antonym_pairs.add((lemma_id[a], lemma_id[b]))
                antonym_pairs.add((lemma_id[b], lemma_id[a]))
    antonym_flat = [x for pair in sorted(antonym_pairs) for x in pair]

    # ---- causes: synset to synset (>) pointers, the cause first ----
    cause_pairs = set()
    for k, syn in data.items():
        for sym, tpos, toff, src, tgt in syn.pointers:
            if sym == CAUSE_POINTER and (tpos, toff) in syn_id and (tpos, toff) != k:
                cause_pairs.add((syn_id[k], syn_id[(tpos, toff)]))
    cause_flat = [x for pair in sorted(cause_pairs) for x in pair]

    largest = sorted(range(n_fam), key=lambda f: (-len(fam_members[f]), f))[:15]
    meta_lines = [
        f"source={args.source_name}",
        f"lemmas={n_lemmas}",
        f"synsets={n_syn}",
        f"supplement_synsets={len(supp_members)}",
        f"senses={len(senses_flat)}",
        f"exception_forms={len(exc_forms)}",
        f"families={n_fam}",
        f"family_sense_limit={FAMILY_SENSE_LIMIT}",
        f"family_size_cap={FAMILY_SIZE_CAP}",
        f"family_suppletive_cap={FAMILY_SUPPLETIVE_CAP}",
        f"family_links={len(links)}",
        f"family_curated_links={len(curated_links)}",
        f"family_merges={stats['merged']}",
        f"family_merges_refused_by_cap={stats['capped']}",
        f"largest_family={len(fam_members[largest[0]])}",
        f"antonym_pairs={len(antonym_pairs)}",
        f"cause_pairs={len(cause_pairs)}",
    ]
    meta = ("\n".join(meta_lines) + "\n").encode("utf-8")

    def u32s(values):
        return struct.pack(f"<{len(values)}I", *values)

    sections = [
        bytes(str_blob),
        u32s(lemma_off),
        u32s(fam_of),
        u32s(sense_off),
        u32s(senses_flat),
        bytes(syn_pos),
        u32s(mem_off),
        u32s(mem_flat),
        u32s(hyp_off),
        u32s(hyp_flat),
        u32s(syn_offset),
        u32s(exc_form_off),
        u32s(exc_entry_off),
        u32s(exc_flat),
        meta,
        u32s(antonym_flat),
        u32s(cause_flat),
    ]
    header_len = 8 + 4 + 4 + 8 * len(sections)
    out = bytearray(header_len)
    table = []
    for sec in sections:
        while len(out) % 8:
            out.append(0)
        table.append((len(out), len(sec)))
        out += sec
    while len(out) % 8:
        out.append(0)
    hdr = bytearray(MAGIC)
    assert len(sections) == len(SECTION_NAMES)
    hdr += struct.pack("<II", len(sections), 0)
    for off, ln in table:
        hdr += struct.pack("<II", off, ln)
    out[:header_len] = hdr

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "wb") as f:
        f.write(out)

    for (off, ln), name in zip(table, SECTION_NAMES):
        print(f"  section {name:16s} {ln:9d} bytes")
    print(f"wrote {args.out}: {len(out)} bytes, sha256 {hashlib.sha256(out).hexdigest()[:16]}")
    for line in meta_lines:
        print("  " + line)
    for line in supp_report:
        print(line)
    if args.report:
        print("largest families:")
        for f in largest:
            names = [lemma_list[i] for i in fam_members[f]]
            print(f"  {len(names):3d}: {', '.join(names[:30])}")
        sizes = defaultdict(int)
        for m in fam_members:
            sizes[len(m)] += 1
        for w in args.show:
            lid = lemma_id.get(norm(w))
            if lid is None:
                print(f"  {w}: not a lemma")
                continue
            names = [lemma_list[i] for i in fam_members[fam_of[lid]]]
            print(f"  family of {w} ({len(names)}): {', '.join(names)}")
        print("family size histogram (size: count): " + ", ".join(f"{k}:{v}" for k, v in sorted(sizes.items())))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dict", required=True, help="directory with index.* and data.* files")
    ap.add_argument("--exc", required=True, help="directory with *.exc exception lists")
    ap.add_argument("--supplement", default="", help="supplement TSV (see tools/supplement.tsv)")
    ap.add_argument("--family-links", default="", help="curated family links TSV (see tools/family_links.tsv)")
    ap.add_argument("--out", default="data/lexdb.bin")
    ap.add_argument("--source-name", default="unknown", help="recorded in the META section")
    ap.add_argument("--report", action="store_true", help="print the largest families")
    ap.add_argument("--show", nargs="*", default=[], help="with --report: print these lemmas' families")
    build(ap.parse_args())


if __name__ == "__main__":
    main()
