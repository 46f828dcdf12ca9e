# Export speed on the sources people have (issue 19): tst_rendersources checks that the normal
# render of a short HEVC and a 29.97 fps clip matches a hand-written per-range ffmpeg command
# frame for frame (PSNR, frame count, bitrate), keeps its sound in sync at every join, and
# reports its stages.
clipwright_add_test(tst_rendersources SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_rendersources.cpp
    LIBS clipwright_engine TIMEOUT 240)
