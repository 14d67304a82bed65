#!/usr/bin/env bash
# Address-sticker PDFs: kimbiseo labels vs glabels-3-batch on the same customers.
#
#   scripts/bench/labels_glabels_baseline.sh [COUNT] [KIMBISEO]
#     COUNT     customers to print (default 1000)
#     KIMBISEO  the kimbiseo binary (default .build/release/kimbiseo; `swift build -c release`)
#
# Both print the same generated customers (CSV) on the same LS-3108 geometry (2×7, 99.1×38.1 mm),
# in NanumGothic: glabels merges the CSV itself; kimbiseo imports it into a temporary store and
# prints from there (the import is timed separately). Needs Debian's glabels, fonts-nanum,
# poppler-utils and GNU time. Prints wall time, peak RSS, pages and PDF size for each.
# glabels' CSV merge grows quadratically: 10,000 rows take minutes and gigabytes.
set -euo pipefail

count=${1:-1000}
kimbiseo=${2:-.build/release/kimbiseo}
for tool in glabels-3-batch pdfinfo /usr/bin/time python3; do
    command -v "$tool" >/dev/null || { echo "missing: $tool (apt-get install glabels poppler-utils time)" >&2; exit 1; }
done
[ -x "$kimbiseo" ] || { echo "missing: $kimbiseo (swift build -c release)" >&2; exit 1; }
kimbiseo=$(realpath "$kimbiseo")

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$count" "$work/customers.csv" <<'PY'
import csv, sys
count, path = int(sys.argv[1]), sys.argv[2]
surnames = "김이박최정강조윤장임"
given = ["민준", "서연", "도윤", "하은", "시우", "지우", "예준", "수아", "주원", "지호"]
roads = ["서울특별시 강남구 테헤란로", "부산광역시 해운대구 센텀중앙로", "경기도 성남시 분당구 판교역로",
         "대구광역시 수성구 달구벌대로", "제주특별자치도 제주시 노형로", "충청북도 청주시 흥덕구 2순환로"]
places = ["역삼동, 래미안아파트", "우동, 센텀스카이비즈", "삼평동, 봇들마을", "범어동, 두산위브더제니스"]
with open(path, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["고객번호", "성명", "그룹", "등급", "자택우편번호", "자택주소", "자택상세주소", "name_line"])
    for i in range(count):
        name = surnames[i % 10] + given[(i // 10) % 10] + ("" if i % 7 == 0 else str(i % 997))
        w.writerow([f"C{i:06d}", name, "거래처", "VIP", f"{10000 + (i * 7919) % 89999:05d}",
                    f"{roads[i % len(roads)]} {1 + i % 400}",
                    f"{101 + i % 12}동 {1 + i % 25}0{1 + i % 4}호 ({places[i % len(places)]})", name + " 님"])
PY

# glabels 3 document: the LS-3108 grid, address lines 11 pt with auto-shrink, name, postcode right.
cat > "$work/labels.xml" <<XML
<?xml version="1.0"?>
<Glabels-document xmlns="http://glabels.org/xmlns/3.0/">
  <Template brand="Formtec" part="LS-3108" size="A4" description="Address Labels">
    <Meta category="label"/>
    <Label-rectangle id="0" width="99.1mm" height="38.1mm" round="0mm" x_waste="0mm" y_waste="0mm">
      <Markup-margin size="4mm"/>
      <Layout nx="2" ny="7" x0="4.65mm" y0="15.15mm" dx="101.6mm" dy="38.1mm"/>
    </Label-rectangle>
  </Template>
  <Objects id="0" rotate="False">
    <Object-text x="11.34pt" y="8pt" w="258pt" h="30pt" justify="Left" valign="Top" auto_shrink="True" lock_aspect_ratio="False" a0="1" a1="0" a2="0" a3="1" a4="0" a5="0">
      <Span color="0x000000ff" font_family="NanumGothic" font_size="11" font_weight="Regular" font_italic="False" line_spacing="1.2"><Field name="자택주소"/><NL/><Field name="자택상세주소"/></Span>
    </Object-text>
    <Object-text x="11.34pt" y="44pt" w="258pt" h="16pt" justify="Left" valign="Top" auto_shrink="True" lock_aspect_ratio="False" a0="1" a1="0" a2="0" a3="1" a4="0" a5="0">
      <Span color="0x000000ff" font_family="NanumGothic" font_size="11" font_weight="Regular" font_italic="False" line_spacing="1"><Field name="name_line"/></Span>
    </Object-text>
    <Object-text x="11.34pt" y="62pt" w="258pt" h="16pt" justify="Right" valign="Top" auto_shrink="False" lock_aspect_ratio="False" a0="1" a1="0" a2="0" a3="1" a4="0" a5="0">
      <Span color="0x000000ff" font_family="NanumGothic" font_size="11" font_weight="Regular" font_italic="False" line_spacing="1"><Field name="자택우편번호"/></Span>
    </Object-text>
  </Objects>
  <Merge type="Text/Comma/Line1Keys" src="$work/customers.csv"/>
</Glabels-document>
XML
gzip -c "$work/labels.xml" > "$work/labels.glabels"

measure() {  # label, command…: prints wall s, peak RSS MiB
    local label=$1; shift
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/$label.out" 2>&1 \
        || { echo "$label failed:" >&2; tail -5 "$work/$label.out" >&2; exit 1; }
    read -r wall rss < "$work/time"
    printf '%s %s\n' "$wall" "$((rss / 1024))"
}
pdf_facts() { printf '%s %s\n' "$(pdfinfo "$1" | awk '/^Pages:/ {print $2}')" "$(($(stat -c %s "$1") / 1024))"; }

printf '%-26s %9s %9s %7s %9s\n' "run ($count customers)" "wall s" "RSS MiB" "pages" "PDF KiB"
read -r wall rss < <(measure glabels glabels-3-batch -o "$work/glabels.pdf" "$work/labels.glabels")
read -r pages size < <(pdf_facts "$work/glabels.pdf")
printf '%-26s %9s %9s %7s %9s\n' "glabels-3-batch" "$wall" "$rss" "$pages" "$size"

# kimbiseo runs inside the scratch folder: embedded defaults, no repository configuration.
cd "$work"
read -r wall rss < <(measure import "$kimbiseo" customers import "$work/customers.csv" --ignore-unknown --store "$work/k.sqlite")
printf '%-26s %9s %9s\n' "kimbiseo customers import" "$wall" "$rss"
read -r wall rss < <(measure labels "$kimbiseo" labels --all --store "$work/k.sqlite" --sheet LS-3108 --sort none -o "$work/kimbiseo.pdf")
read -r pages size < <(pdf_facts "$work/kimbiseo.pdf")
printf '%-26s %9s %9s %7s %9s\n' "kimbiseo labels" "$wall" "$rss" "$pages" "$size"
