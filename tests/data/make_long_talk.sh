#!/bin/bash
# Makes a long "talking" clip for the smart-render measurement: espeak-ng sentences with
# pauses of varied length (0.8-2.4 s) looped to DURATION seconds, over a testsrc2 picture,
# encoded like camera footage: H.264 High (libx264 veryfast), yuv420p, 30 fps, GOP 2 s,
# AAC 48 kHz.
#   make_long_talk.sh OUT.mp4 [DURATION_S=600] [WIDTH=1280] [HEIGHT=720]
# Prints one JSON object: {"file","duration","sentences","pauses"}.
set -euo pipefail
out=$1
duration=${2:-600}
width=${3:-1280}
height=${4:-720}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

sentences=(
  "Welcome back to the channel. Today we are looking at the old harbour, and how the city grew around it."
  "The first warehouses were built of timber. Most of them burned down, so the second generation used brick."
  "If you look closely at the walls, you can still see the marks where the cranes were fixed."
  "Fishing boats came in every morning before sunrise, and the market opened an hour later."
  "By the end of the century, the railway had reached the quay, and everything changed."
  "Some people say the harbour lost its soul. Others say it simply found a new one."
  "We spoke to a woman whose family has sold fish here for four generations."
  "She told us that the best time to visit is early on a Saturday, when the light is soft."
)
pauses=(0.9 1.6 1.2 2.4 1.0 1.8 0.8 1.4 2.0 1.1)
rate=48000
for i in "${!sentences[@]}"; do
  espeak-ng -s 160 -w "$tmp/raw$i.wav" "${sentences[$i]}"
  ffmpeg -v error -i "$tmp/raw$i.wav" -ar $rate -ac 1 -c:a pcm_s16le "$tmp/s$i.wav"
done
for i in "${!pauses[@]}"; do
  ffmpeg -v error -f lavfi -i "anullsrc=r=$rate:cl=mono" -t "${pauses[$i]}" -c:a pcm_s16le "$tmp/g$i.wav"
done
list=$tmp/list.txt
: > "$list"
t=0
n=0
while (( $(echo "$t < $duration" | bc -l) )); do
  s=$((n % ${#sentences[@]}))
  g=$((n % ${#pauses[@]}))
  echo "file '$tmp/s$s.wav'" >> "$list"
  echo "file '$tmp/g$g.wav'" >> "$list"
  d=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$tmp/s$s.wav")
  t=$(echo "$t + $d + ${pauses[$g]}" | bc -l)
  n=$((n + 1))
done
ffmpeg -v error -f concat -safe 0 -i "$list" -t "$duration" -c:a pcm_s16le "$tmp/speech.wav"
ffmpeg -v error -y -f lavfi -i "testsrc2=size=${width}x${height}:rate=30" -i "$tmp/speech.wav" \
  -map 0:v -map 1:a -t "$duration" -c:v libx264 -preset veryfast -profile:v high -g 60 \
  -pix_fmt yuv420p -c:a aac -b:a 128k -ar 48000 -movflags +faststart "$out"
printf '{"file":"%s","duration":%s,"sentences":%d,"pauses":%d}\n' "$out" "$duration" "$n" "$n"
