#!/bin/bash
# Generates the benchmark media into a cache dir (skips files that already exist):
#   make_media.sh DIR [--quick] [--hevc]
#   talk-*.mp4 a 1280x720 talking clip: espeak-ng phrases separated by pauses of 0.4-2.6 s
#              over a faint noise floor (-60 dBFS, like a room), 10 min (--quick: 40 s),
#              H.264 with a fixed 2 s GOP and B-frames like a camera, AAC 48 kHz stereo;
#   short-*.mp4 the same kind of speech, 1920x1080, 30 s (--quick: 10 s);
#   big-*.mp4  a ~480 MB H.264 file for the upload-memory figure (--quick: ~40 MB), made by
#              stream-copying a short high-bitrate clip, so it costs seconds, not minutes.
# With --hevc (only the probe and tone-map rows need them, so CI's quick run never makes them):
#   hevc10-*.mp4 the talking clip's kind of sound under a 1920x1080 30 fps HEVC Main10
#              (yuv420p10le) picture, 10 min (--quick: 40 s), as a phone records it;
#   hlg60-*.mp4 HEVC Main10 HLG BT.2020 1920x1080 60 fps, 20 s (--quick: 4 s), made like
#              tests/data/make_phone_media.sh's (reference white at 203 nits);
#   sdr60-*.mp4 its SDR twin: the same picture and sound, HEVC Main 8-bit BT.709, same
#              encoder settings, so the two exports differ by the tone-mapping (and the
#              10-bit decode) only.
# With --sources (the export-speed rows of issue 19, BenchSourceRows.cpp), talking clips as
# phones and cameras record them, 60 s each (--quick: 12 s), cut by "cut the pauses":
#   src-hevc8-*.mp4   HEVC Main 8-bit 1920x1080 30 fps;
#   src-h264-4k-*.mp4 H.264 High 3840x2160 30 fps;
#   src-vfr-*.mp4     H.264 1920x1080 at a variable rate (a frame in ten dropped, the rest
#                     jittered by up to a quarter frame), as a phone writes it in dim light;
#   src-ntsc-*.mp4    H.264 1920x1080 at 29.97 fps (30000/1001);
#   and the HLG clip above (hlg60-*.mp4).
# Prints nothing on success; files are reused while their name (which encodes the
# parameters) matches.
set -euo pipefail
dir=$1
quick=
hevc=
sources=
for a in "${@:2}"; do
  case $a in
  --quick) quick=--quick ;;
  --hevc) hevc=1 ;;
  --sources) sources=1 ;;
  '') ;;
  *) echo "make_media.sh: unknown option $a" >&2; exit 2 ;;
  esac
done
mkdir -p "$dir"
if [[ $quick == --quick ]]; then
  talk_s=40 short_s=10 big_mb=40 hdr_s=4 src_s=12
else
  talk_s=600 short_s=30 big_mb=480 hdr_s=20 src_s=60
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

phrases=(
  "Welcome to the city, where every street tells a story."
  "We walked along the river and watched the boats go by."
  "In the evening the lights came on, one window at a time."
  "Tomorrow we will travel north to the mountains."
  "Thank you for watching, and see you next time."
  "The market opens early and the bakers are already busy."
  "Nobody expected the rain, so we waited under the bridge."
  "Here is the part of the trip I liked the most."
)
pauses=(0.6 1.4 0.4 2.1 0.9 1.7 0.5 2.6 1.1 0.8 1.9 0.7)

# speech.wav of at least $1 seconds: phrase, pause, phrase, ... (48 kHz mono), plus noise.
make_speech() {
  local want=$1 out=$2 list=$tmp/list.txt t=0 i=0 lens=()
  for ((k = 0; k < ${#phrases[@]}; k++)); do
    if [[ ! -f $tmp/p$k.wav ]]; then
      espeak-ng -s 165 -w "$tmp/raw$k.wav" "${phrases[$k]}"
      ffmpeg -v error -i "$tmp/raw$k.wav" -ar 48000 -ac 1 -c:a pcm_s16le "$tmp/p$k.wav"
    fi
    lens+=("$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$tmp/p$k.wav")")
  done
  for ((k = 0; k < ${#pauses[@]}; k++)); do
    [[ -f $tmp/g$k.wav ]] && continue
    ffmpeg -v error -f lavfi -i "anullsrc=r=48000:cl=mono" -t "${pauses[$k]}" \
      -c:a pcm_s16le "$tmp/g$k.wav"
  done
  : > "$list"
  while (($(echo "$t < $want" | bc -l))); do
    local p=$((i % ${#phrases[@]})) g=$((i % ${#pauses[@]}))
    echo "file '$tmp/p$p.wav'" >> "$list"
    echo "file '$tmp/g$g.wav'" >> "$list"
    t=$(echo "$t + ${lens[$p]} + ${pauses[$g]}" | bc -l)
    i=$((i + 1))
  done
  ffmpeg -v error -y -f concat -safe 0 -i "$list" -f lavfi -i "anoisesrc=r=48000:a=0.0015:c=pink" \
    -filter_complex "[0:a][1:a]amix=inputs=2:duration=first:normalize=0" -t "$want" \
    -c:a pcm_s16le "$out"
}

# make_clip OUT SECONDS WIDTH HEIGHT [ENCODER ARGS...]: testsrc2 picture (default: H.264),
# 2 s GOP, B-frames, AAC 128k stereo. Longer than a minute: one minute of picture is encoded
# and stream-copied in a loop (whole closed GOPs, so the result is a valid stream), which
# costs a tenth of encoding it all. The copy stops after whole loops of the picture counted
# in packets: cut by time, it ended a few packets into the next loop (B-frames are written
# after the frame they precede), a GOP whose middle frames were missing, which the smart
# render rightly refuses ("frames are not at a constant rate").
make_clip() {
  local out=$1 secs=$2 w=$3 h=$4 unit=$2
  shift 4
  local enc=("$@")
  if ((${#enc[@]} == 0)); then
    enc=(-c:v libx264 -preset superfast -crf 23 -pix_fmt yuv420p
      -g 60 -keyint_min 60 -sc_threshold 0 -bf 2)
  fi
  [[ -s $out ]] && return 0
  make_speech "$secs" "$tmp/speech.wav"
  ((unit > ${clip_unit:-60})) && unit=${clip_unit:-60}
  ffmpeg -v error -y -f lavfi -i "testsrc2=size=${w}x${h}:rate=${clip_rate:-30}" -t "$unit" \
    ${clip_vf:+-vf "$clip_vf"} "${enc[@]}" -an "$tmp/picture.mp4"
  local packets
  packets=$(ffprobe -v error -select_streams v:0 -count_packets \
    -show_entries stream=nb_read_packets -of csv=p=0 "$tmp/picture.mp4")
  ffmpeg -v error -y -stream_loop -1 -i "$tmp/picture.mp4" -i "$tmp/speech.wav" \
    -map 0:v -map 1:a -frames:v $((packets * secs / unit)) -t "$secs" -c:v copy \
    -c:a aac -b:a 128k -ac 2 -ar 48000 \
    -movflags +faststart "$out.tmp.mp4"
  mv "$out.tmp.mp4" "$out"
}

make_clip "$dir/talk-${talk_s}s.mp4" "$talk_s" 1280 720
make_clip "$dir/short-${short_s}s.mp4" "$short_s" 1920 1080

big=$dir/big-${big_mb}mb.mp4
if [[ ! -s $big ]]; then
  # 10 s at ~40 Mbit/s (~50 MB), then looped by stream copy up to the wanted size.
  ffmpeg -v error -y -f lavfi -i "testsrc2=size=1920x1080:rate=30" \
    -f lavfi -i "sine=f=440:r=48000" -t 10 -c:v libx264 -preset ultrafast -qp 8 \
    -g 60 -c:a aac -b:a 128k "$tmp/seed.mp4"
  seed=$(stat -c %s "$tmp/seed.mp4")
  loops=$(((big_mb * 1000000 + seed - 1) / seed))
  ffmpeg -v error -y -stream_loop $((loops - 1)) -i "$tmp/seed.mp4" -c copy \
    -fs $((big_mb * 1000000)) -movflags +faststart "$big.tmp.mp4"
  mv "$big.tmp.mp4" "$big"
fi

[[ -n $hevc || -n $sources ]] || exit 0

# x265 as a phone's encoder leaves it: closed 2 s GOPs (so the loop above stays valid).
x265=(-c:v libx265 -preset ultrafast -tag:v hvc1)
x265p=log-level=error:keyint=60:min-keyint=60:scenecut=0:open-gop=0
if [[ -n $sources ]]; then
  # The picture is encoded for at most 30 s and looped (x265 and 4K are slow on 2 cores).
  x264=(-c:v libx264 -preset superfast -crf 23 -pix_fmt yuv420p -g 60 -keyint_min 60
    -sc_threshold 0 -bf 2)
  clip_unit=30 make_clip "$dir/src-hevc8-${src_s}s.mp4" "$src_s" 1920 1080 "${x265[@]}" \
    -pix_fmt yuv420p -x265-params "$x265p"
  clip_unit=30 make_clip "$dir/src-h264-4k-${src_s}s.mp4" "$src_s" 3840 2160 "${x264[@]}"
  # Monotonic: a kept frame moves by at most a quarter of 1/30 s, and frames are >= 2/30 apart
  # around a dropped one.
  clip_unit=30 clip_vf="select='not(eq(mod(n\,10)\,4))',settb=1/90000,setpts='PTS+0.25*sin(N)/30/TB'" \
    make_clip "$dir/src-vfr-${src_s}s.mp4" "$src_s" 1920 1080 "${x264[@]}" -vsync vfr -enc_time_base 1:90000 \
    -video_track_timescale 90000
  clip_unit=30 clip_rate=30000/1001 make_clip "$dir/src-ntsc-${src_s}s.mp4" "$src_s" 1920 1080 \
    "${x264[@]}"
fi
if [[ -n $hevc ]]; then
  make_clip "$dir/hevc10-${talk_s}s.mp4" "$talk_s" 1920 1080 "${x265[@]}" -pix_fmt yuv420p10le \
    -x265-params "$x265p"
fi

# hdr_twin OUT TRANSFER: the same testsrc2 1080p60 picture and speech, as HLG (arib-std-b67,
# 10-bit BT.2020) or as plain 8-bit BT.709.
hdr_twin() {
  local out=$1 trc=$2 vf enc
  [[ -s $out ]] && return 0
  [[ -s $tmp/hdr-speech.wav ]] || make_speech "$hdr_s" "$tmp/hdr-speech.wav"
  if [[ $trc == bt709 ]]; then
    vf="format=yuv420p"
    enc=(-pix_fmt yuv420p -x265-params "$x265p:colorprim=bt709:transfer=bt709:colormatrix=bt709"
      -color_primaries bt709 -color_trc bt709 -colorspace bt709)
  else
    vf="format=gbrp,zscale=tin=bt709:pin=bt709:min=gbr:t=$trc:p=bt2020:m=bt2020nc:r=tv:npl=203"
    vf+=",format=yuv420p10le"
    enc=(-pix_fmt yuv420p10le
      -x265-params "$x265p:colorprim=bt2020:transfer=$trc:colormatrix=bt2020nc"
      -color_primaries bt2020 -color_trc "$trc" -colorspace bt2020nc)
  fi
  ffmpeg -v error -y -f lavfi -i "testsrc2=size=1920x1080:rate=60" -i "$tmp/hdr-speech.wav" \
    -t "$hdr_s" -vf "$vf" "${x265[@]}" "${enc[@]}" -map 0:v -map 1:a \
    -c:a aac -b:a 128k -ac 2 -ar 48000 -movflags +faststart "$out.tmp.mp4"
  mv "$out.tmp.mp4" "$out"
}
hdr_twin "$dir/hlg60-${hdr_s}s.mp4" arib-std-b67
[[ -n $hevc ]] || exit 0
hdr_twin "$dir/sdr60-${hdr_s}s.mp4" bt709
