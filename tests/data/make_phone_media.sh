#!/bin/bash
# Makes phone- and camera-like test media into OUTDIR (created): what people really upload,
# each file short so a conformance run stays cheap. testsrc2 pictures (known bars and a
# moving box, so stretch, rotation and colour can be measured) and espeak-ng speech with
# known pauses (make_speech_clip.sh).
#   make_phone_media.sh OUTDIR
# Files:
#   portrait90.mp4, portrait270.mp4  1280x720 stored, display matrix 90 / 270 (shown 720x1280)
#   square.mp4                       1080x1080 H.264
#   hlg1080p60.mp4                   HEVC Main10 HLG BT.2020 1920x1080 60 fps (an iPhone's default)
#   pq.mp4                           HEVC Main10 PQ BT.2020 1920x1080 30 fps
#   yuv422p10.mp4                    H.264 High 4:2:2 10-bit 1280x720 (camera intermediate)
#   vfr.mp4                          H.264 with jittered frame times (a phone's variable rate)
#   uhd30.mp4                        3840x2160 30 fps H.264
#   pal25.mp4                        1280x720 25 fps H.264 (a European camera's rate)
#   ntsc2997.mp4, ntsc5994.mp4       1280x720 at 30000/1001 and 60000/1001 (American cameras)
#   surround51.mp4                   H.264 + 5.1 AAC
#   voice-memo.m4a                   speech with pauses, no picture
#   room-tone.mp4                    a clip whose sound is only steady low noise (no speech)
#   silent.mp4                       a clip whose sound track is digital silence
#   photo-exif6.jpg                  a 640x480 photo stored landscape, EXIF orientation 6
# Reference white of the HDR files sits at 203 nits (ITU-R BT.2408), as cameras record it.
set -euo pipefail
out=$1
mkdir -p "$out"
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ff() { ffmpeg -v error -y "$@"; }

# Speech with two pauses on a 1280x720 picture, then turned by the container only.
bash "$here/make_speech_clip.sh" "$tmp/speech.mp4" 1.0 2 1280 720 > /dev/null
ff -i "$tmp/speech.mp4" -c copy -metadata:s:v:0 rotate=90 "$out/portrait90.mp4"
ff -i "$tmp/speech.mp4" -c copy -metadata:s:v:0 rotate=270 "$out/portrait270.mp4"
ff -i "$tmp/speech.mp4" -vn -c:a aac -b:a 96k "$out/voice-memo.m4a"

tone="sine=f=440:r=48000"
ff -f lavfi -i "testsrc2=size=1080x1080:rate=30" -f lavfi -i "$tone" -t 3 \
  -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -shortest "$out/square.mp4"

hdr() { # $1 transfer, $2 rate, $3 output
  ff -f lavfi -i "testsrc2=size=1920x1080:rate=$2,format=gbrp" -f lavfi -i "$tone" -t 2 \
    -vf "zscale=tin=bt709:pin=bt709:min=gbr:t=$1:p=bt2020:m=bt2020nc:r=tv:npl=203,format=yuv420p10le" \
    -c:v libx265 -preset ultrafast -x265-params "log-level=error:colorprim=bt2020:transfer=$1:colormatrix=bt2020nc" \
    -color_primaries bt2020 -color_trc "$1" -colorspace bt2020nc -tag:v hvc1 \
    -c:a aac -shortest "$3"
}
hdr arib-std-b67 60 "$out/hlg1080p60.mp4"
hdr smpte2084 30 "$out/pq.mp4"

ff -f lavfi -i "testsrc2=size=1280x720:rate=30" -f lavfi -i "$tone" -t 2 \
  -c:v libx264 -preset ultrafast -pix_fmt yuv422p10le -c:a aac -shortest "$out/yuv422p10.mp4"

# Frame times jittered by up to 40% of a frame (monotonic), written as they are.
ff -f lavfi -i "testsrc2=size=1280x720:rate=30" -f lavfi -i "$tone" -t 4 \
  -vf "settb=1/90000,setpts='(N/30+0.012*sin(N*1.7))/TB'" -fps_mode passthrough \
  -enc_time_base 1:90000 -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -shortest "$out/vfr.mp4"

ff -f lavfi -i "testsrc2=size=3840x2160:rate=30" -f lavfi -i "$tone" -t 2 \
  -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -shortest "$out/uhd30.mp4"

ff -f lavfi -i "testsrc2=size=1280x720:rate=25" -f lavfi -i "$tone" -t 2 \
  -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -shortest "$out/pal25.mp4"

for rate in 30000/1001 60000/1001; do
  ff -f lavfi -i "testsrc2=size=1280x720:rate=$rate" -f lavfi -i "$tone" -t 2 \
    -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac -shortest \
    "$out/ntsc$([ $rate = 30000/1001 ] && echo 2997 || echo 5994).mp4"
done

ff -f lavfi -i "testsrc2=size=1280x720:rate=30" -i "$tmp/speech.mp4" -t 4 \
  -filter_complex "[1:a]pan=5.1|FL=c0|FR=c0|FC=c0|LFE=0*c0|BL=0.5*c0|BR=0.5*c0[a]" \
  -map 0:v -map "[a]" -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac "$out/surround51.mp4"

ff -f lavfi -i "testsrc2=size=1280x720:rate=30" -f lavfi -i "anoisesrc=c=pink:a=0.003:r=48000" -t 6 \
  -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac "$out/room-tone.mp4"

ff -f lavfi -i "testsrc2=size=1280x720:rate=30" -f lavfi -i "anullsrc=r=48000:cl=stereo" -t 3 \
  -c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac "$out/silent.mp4"

# A JPEG whose pixels are landscape with an APP1 Exif segment saying "rotate 90 clockwise"
# (orientation 6), inserted right after the SOI marker. Big-endian TIFF, one IFD entry.
ff -f lavfi -i "testsrc2=size=640x480" -frames:v 1 "$tmp/photo.jpg"
{
  printf '\xff\xd8'
  printf '\xff\xe1\x00\x22Exif\x00\x00'                 # APP1, length 34
  printf 'MM\x00\x2a\x00\x00\x00\x08'                    # TIFF header, IFD at 8
  printf '\x00\x01'                                     # one entry
  printf '\x01\x12\x00\x03\x00\x00\x00\x01\x00\x06\x00\x00' # Orientation SHORT 1 = 6
  printf '\x00\x00\x00\x00'                             # no next IFD
  tail -c +3 "$tmp/photo.jpg"
} > "$out/photo-exif6.jpg"
