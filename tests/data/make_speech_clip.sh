#!/bin/bash
# Makes a test clip: espeak-ng speech with known pauses, muxed with a testsrc2 video.
#   make_speech_clip.sh OUT.mp4 [PAUSE_S=1.5] [PAUSES=3] [WIDTH=1280] [HEIGHT=720]
# Between phrases it inserts PAUSE_S seconds of digital silence; espeak-ng adds about
# 0.3 s of its own silence after each phrase. Prints one JSON object describing the
# clip: total duration and, for each inserted pause, where it starts and ends (seconds).
set -euo pipefail
out=$1
pause=${2:-1.5}
pauses=${3:-3}
width=${4:-1280}
height=${5:-720}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

phrases=(
  "Welcome to the city, where every street tells a story."
  "We walked along the river and watched the boats go by."
  "In the evening the lights came on, one window at a time."
  "Tomorrow we will travel north to the mountains."
  "Thank you for watching, and see you next time."
)
rate=48000
list=$tmp/list.txt
: > "$list"
t=0
json_pauses=""
ffmpeg -v error -f lavfi -i "anullsrc=r=$rate:cl=mono" -t "$pause" -c:a pcm_s16le "$tmp/gap.wav"
for ((i = 0; i <= pauses; i++)); do
  espeak-ng -s 165 -w "$tmp/raw$i.wav" "${phrases[$((i % ${#phrases[@]}))]}"
  ffmpeg -v error -i "$tmp/raw$i.wav" -ar $rate -ac 1 -c:a pcm_s16le "$tmp/p$i.wav"
  echo "file '$tmp/p$i.wav'" >> "$list"
  d=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$tmp/p$i.wav")
  t=$(echo "$t + $d" | bc -l)
  if ((i < pauses)); then
    echo "file '$tmp/gap.wav'" >> "$list"
    json_pauses+="${json_pauses:+,}{\"start\":$(printf '%.3f' "$t"),\"end\":$(printf '%.3f' "$(echo "$t + $pause" | bc -l)")}"
    t=$(echo "$t + $pause" | bc -l)
  fi
done
ffmpeg -v error -f concat -safe 0 -i "$list" -c:a pcm_s16le "$tmp/speech.wav"
total=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$tmp/speech.wav")
ffmpeg -v error -y -f lavfi -i "testsrc2=size=${width}x${height}:rate=30" -i "$tmp/speech.wav" \
  -map 0:v -map 1:a -t "$total" -c:v libx264 -preset ultrafast -pix_fmt yuv420p -g 30 \
  -c:a aac -b:a 128k -shortest -movflags +faststart "$out"
printf '{"file":"%s","duration":%.3f,"pause":%s,"pauses":[%s]}\n' "$out" "$total" "$pause" "$json_pauses"
