#!/usr/bin/env bash
# Makes the fallback fonts of the PDF documents (NotoSansScripts-*.ttf and
# WenQuanYiMicroHei-CJK.ttf.gz) from Debian's font packages, with Debian's
# fonttools. Run it only to change them; the program embeds the files made,
# and nothing at build or test time runs this.
#
# Why made, not copied: the PDF library (gofpdf, under maroto) embeds only
# TrueType outlines, maps characters through the font's cmap alone (no
# GSUB/GPOS), and reads one font per text. So
#   - each Noto script font is cut to its script's characters, without the
#     hinting and layout tables the library ignores, and merged with Noto
#     Sans's Latin, Greek and Cyrillic into one font, so that a name that
#     mixes "Nino" and "ნინო" prints whole in one family;
#   - the Han, kana and Hangul font is WenQuanYi Micro Hei (TrueType; Noto
#     Sans CJK in Debian is CFF, which the library cannot embed), face 0 of
#     its collection, cut to the CJK blocks plus the Latin, Greek and
#     Cyrillic it has, and gzipped (3.6 MB → 1.7 MB in the program).
set -euo pipefail
# The fonts carry this date rather than the day they were made, so that
# making them again gives the same files.
export SOURCE_DATE_EPOCH=1608940800 # 2020-12-26, fonts-noto-core 20201225

cd "$(dirname "$0")"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download fonts-noto-core fonts-wqy-microhei >/dev/null &&
	for d in *.deb; do dpkg-deb -x "$d" x; done)
command -v pyftsubset >/dev/null || { echo "needs Debian's fonttools (apt-get install fonttools)" >&2; exit 1; }
py=$(sed -n '1s/^#!//p' "$(command -v pyftsubset)") # the Python that has fontTools
noto=$work/x/usr/share/fonts/truetype/noto
wqy=$work/x/usr/share/fonts/truetype/wqy/wqy-microhei.ttc

cut=(--no-hinting --no-glyph-names --notdef-outline --name-IDs='*' --name-languages='*'
	--drop-tables+=GSUB,GPOS,GDEF,DSIG,vhea,vmtx,FFTM,kern)
latin=U+0020-007E,U+00A0-024F,U+0250-02FF,U+0300-036F,U+0370-03FF,U+0400-052F,U+1E00-1EFF,U+1F00-1FFF,U+2000-206F,U+20A0-20CF,U+2100-214F,U+2190-21FF,U+2212,U+25CC
scripts=(
	Armenian:U+0530-058F,U+FB13-FB17
	Georgian:U+10A0-10FF,U+1C90-1CBF,U+2D00-2D2F
	Devanagari:U+0900-097F,U+A8E0-A8FF,U+1CD0-1CFF
	Bengali:U+0980-09FF
	Tamil:U+0B80-0BFF
	Thai:U+0E00-0E7F
	Lao:U+0E80-0EFF
	Ethiopic:U+1200-139F,U+2D80-2DDF,U+AB00-AB2F
)

# rename FILE FAMILY STYLE: a merged font says what it is, not "Noto Sans".
rename() {
	$py - "$1" "$2" "$3" <<'EOF'
import sys
from fontTools.ttLib import TTFont
path, family, style = sys.argv[1:]
f = TTFont(path)
ps = family.replace(" ", "") + "-" + style
for rec in list(f["name"].names):
    if rec.nameID in (1, 2, 3, 4, 6, 16, 17):
        f["name"].removeNames(nameID=rec.nameID)
for nid, value in ((1, family), (2, style), (3, ps), (4, family + " " + style), (6, ps)):
    f["name"].setName(value, nid, 3, 1, 0x409)
f.save(path)
EOF
}

for style in Regular Bold; do
	parts=("$work/latin.ttf")
	pyftsubset "$noto/NotoSans-$style.ttf" --unicodes="$latin" "${cut[@]}" --output-file="$work/latin.ttf"
	for s in "${scripts[@]}"; do
		name=${s%%:*}
		pyftsubset "$noto/NotoSans$name-$style.ttf" --unicodes="${s#*:}" "${cut[@]}" --output-file="$work/$name.ttf"
		parts+=("$work/$name.ttf")
	done
	pyftmerge --output-file="NotoSansScripts-$style.ttf" "${parts[@]}"
	rename "NotoSansScripts-$style.ttf" "Noto Sans Scripts" "$style"
done

cjk=U+0020-007E,U+00A0-024F,U+0370-03FF,U+0400-04FF,U+2000-206F,U+20A0-20CF,U+2100-214F,U+2E80-2FDF,U+3000-303F,U+3040-30FF,U+3100-312F,U+3130-318F,U+31A0-31FF,U+3200-33FF,U+3400-4DBF,U+4E00-9FFF,U+A960-A97F,U+AC00-D7AF,U+F900-FAFF,U+FE30-FE4F,U+FF00-FFEF
pyftsubset "$wqy" --font-number=0 --unicodes="$cjk" "${cut[@]}" --output-file="$work/cjk.ttf"
gzip -9 -n -c "$work/cjk.ttf" >WenQuanYiMicroHei-CJK.ttf.gz
ls -l NotoSansScripts-*.ttf WenQuanYiMicroHei-CJK.ttf.gz
