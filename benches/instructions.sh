#!/usr/bin/env bash
# Instructions per question, counted by callgrind: a figure that does not
# drift with the machine's load, for A/B comparisons of engine changes.
#
#   benches/instructions.sh FACTDESK_BINARY KNOWLEDGE_DIR QUESTIONS.txt
#
# QUESTIONS.txt holds one question a line (a .jsonl question file, as in
# tests/data/, is read for its "q" fields). The questions are asked once, then
# three times over, on one core (`factdesk ask --json`); only what
# `Engine::answer` runs is counted. "cold" is the first pass per question
# (per-thread memos empty), "warm" a later pass (the difference of the two
# runs, over the two extra passes). Needs valgrind (`apt install valgrind`).
set -euo pipefail
bin=$1 knowledge=$2 questions=$3
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
if [[ $questions == *.jsonl ]]; then
    python3 -c 'import json, sys
for line in open(sys.argv[1]):
    if line.strip():
        print(json.loads(line)["q"])' "$questions" > "$dir/once"
else
    cat "$questions" > "$dir/once"
fi
questions=$dir/once
n=$(grep -c . "$questions")
cat "$questions" "$questions" "$questions" > "$dir/thrice"
count() {
    taskset -c 0 valgrind --tool=callgrind --callgrind-out-file="$dir/$1.out" \
        --toggle-collect='factdesk_core::engine::Engine::answer' \
        "$bin" --knowledge "$knowledge" ask --json < "$dir/$1" > /dev/null 2> "$dir/$1.log"
    callgrind_annotate "$dir/$1.out" 2> /dev/null | awk '/PROGRAM TOTALS/ && !done { gsub(",", "", $1); print $1; done = 1 }'
}
once=$(count once)
thrice=$(count thrice)
echo "questions $n  cold $((once / n))  warm $(((thrice - once) / (2 * n))) instructions per question"
