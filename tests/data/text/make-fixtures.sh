#!/bin/sh
# Remake the encoded copies of the seed plans used by tests/check_text_encoding.c.
# Run from the top of the source tree; needs GNU iconv (glibc). The files
# are committed: the tests never run this.
#
# 000, 002, 003, 004 (simplified) -> GB18030: every character has a code.
# 001 (traditional) -> Big5 and Big5-HKSCS: the web copy carries inserted
# pinyin (ā, ǎ, ù ...), a Japanese form (徳), a Cyrillic letter and a
# stray 傊 that Big5 has no code for, so iconv -c leaves those out; the
# test compares the decoded text with the seed minus exactly those
# characters. Big5-HKSCS has the pinyin letters and the Cyrillic one.
set -eu
seeds=tests/data/seeds
out=tests/data/text
for n in 000_4589f19a21d053f0 002_c586d096e016a226 003_16f611ec0ac9a530 004_7fafac6153687fc9; do
	iconv -f UTF-8 -t GB18030 "$seeds/$n.txt" > "$out/${n%%_*}.gb18030.txt"
done
iconv -c -f UTF-8 -t BIG5 "$seeds/001_10ff43b2df3ecc86.txt" > "$out/001.big5.txt" || test -s "$out/001.big5.txt"
iconv -c -f UTF-8 -t BIG5-HKSCS "$seeds/001_10ff43b2df3ecc86.txt" > "$out/001.big5hkscs.txt" || test -s "$out/001.big5hkscs.txt"
