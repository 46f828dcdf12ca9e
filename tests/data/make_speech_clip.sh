#!/bin/bash
# Makes a test clip: espeak-ng speech with known pauses, muxed with a testsrc2 video.
#   make_speech_clip.sh OUT.mp4 [PAUSE_S=1.5] [PAUSES=3] [WIDTH=1280] [HEIGHT=720] [LIST]
# Between phrases it inserts PAUSE_S seconds of digital silence; espeak-ng adds about
# 0.3 s of its own silence after each phrase. LIST (e.g. "0.6,1.0,2.5") gives each
# inserted pause its own length and overrides PAUSE_S and PAUSES. Prints one JSON object
# describing the clip: total duration, for each inserted pause where it starts and ends,
# and for each phrase where its speech truly starts and ends (seconds): espeak's own
# leading/trailing silence is measured per phrase (silencedetect below -50 dB), so the
# real silence between two phrases is speech[i].end .. speech[i+1].start.
set -euo pipefail
out=$1
pause=${2:-1.5}
pauses=${3:-3}
width=${4:-1280}
height=${5:-720}
list_arg=${6:-}
if [[ -n $list_arg ]]; then
  IFS=, read -r -a lens <<< "$list_arg"
  pauses=${#lens[@]}
else
  lens=()
  for ((i = 0; i < pauses; i++)); do lens+=("$pause"); done
fi
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
json_speech=""
for ((i = 0; i <= pauses; i++)); do
  espeak-ng -s 165 -w "$tmp/raw$i.wav" "${phrases[$((i % ${#phrases[@]}))]}"
  ffmpeg -v error -i "$tmp/raw$i.wav" -ar $rate -ac 1 -c:a pcm_s16le "$tmp/p$i.wav"
  echo "file '$tmp/p$i.wav'" >> "$list"
  d=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$tmp/p$i.wav")
  # Leading silence: a detected run starting at 0; trailing: a run still open at the end.
  read -r lead trail < <(ffmpeg -hide_banner -nostats -i "$tmp/p$i.wav" \
    -af silencedetect=n=-50dB:d=0.02 -f null - 2>&1 | awk -v d="$d" '
      /silence_start:/ { s = $NF + 0; open = 1 }
      /silence_end:/ { e = $5 + 0; if (s < 0.001 && !seen) lead = e; seen = 1; open = 0; last_s = s; last_e = e }
      END { trail = d; if (open) trail = s; else if (seen && last_e > d - 0.002) trail = last_s;
            printf "%.6f %.6f\n", lead + 0, trail }')
  json_speech+="${json_speech:+,}{\"start\":$(printf '%.3f' "$(echo "$t + $lead" | bc -l)"),\"end\":$(printf '%.3f' "$(echo "$t + $trail" | bc -l)")}"
  t=$(echo "$t + $d" | bc -l)
  if ((i < pauses)); then
    len=${lens[$i]}
    ffmpeg -v error -f lavfi -i "anullsrc=r=$rate:cl=mono" -t "$len" -c:a pcm_s16le "$tmp/gap$i.wav"
    echo "file '$tmp/gap$i.wav'" >> "$list"
    json_pauses+="${json_pauses:+,}{\"start\":$(printf '%.3f' "$t"),\"end\":$(printf '%.3f' "$(echo "$t + $len" | bc -l)")}"
    t=$(echo "$t + $len" | bc -l)
  fi
done
ffmpeg -v error -f concat -safe 0 -i "$list" -c:a pcm_s16le "$tmp/speech.wav"
total=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$tmp/speech.wav")
ffmpeg -v error -y -f lavfi -i "testsrc2=size=${width}x${height}:rate=30" -i "$tmp/speech.wav" \
  -map 0:v -map 1:a -t "$total" -c:v libx264 -preset ultrafast -pix_fmt yuv420p -g 30 \
  -c:a aac -b:a 128k -shortest -movflags +faststart "$out"
printf '{"file":"%s","duration":%.3f,"pause":%s,"pauses":[%s],"speech":[%s]}\n' "$out" "$total" "$pause" "$json_pauses" "$json_speech"
