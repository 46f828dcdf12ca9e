# Media, render and edit tests (owned with app/engine/{media,render,edit}). Render tests use
# tiny clips and the ultrafast x264 preset so the whole group stays well under a minute.
clipwright_add_test(tst_mediaprobe SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_mediaprobe.cpp
    LIBS clipwright_engine TIMEOUT 120)
clipwright_add_test(tst_audioanalysis SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_audioanalysis.cpp
    LIBS clipwright_engine TIMEOUT 180)
clipwright_add_test(tst_cutpauses SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_cutpauses.cpp
    LIBS clipwright_engine TIMEOUT 180)
clipwright_add_test(tst_rendergraph SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_rendergraph.cpp
    LIBS clipwright_engine TIMEOUT 60)
clipwright_add_test(tst_rendergraphparts SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_rendergraphparts.cpp
    LIBS clipwright_engine TIMEOUT 60)
clipwright_add_test(tst_ffmpegrunner SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_ffmpegrunner.cpp
    LIBS clipwright_engine TIMEOUT 240)
clipwright_add_test(tst_operations SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_operations.cpp
    LIBS clipwright_engine TIMEOUT 60)
clipwright_add_test(tst_musicbed SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_musicbed.cpp
    ${CMAKE_CURRENT_LIST_DIR}/MeasureAudio.h LIBS clipwright_engine TIMEOUT 120)
clipwright_add_test(tst_renderops SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_renderops.cpp
    ${CMAKE_CURRENT_LIST_DIR}/MeasureAudio.h LIBS clipwright_engine TIMEOUT 180)
# Stabilising (tst_stabilise: the motion measured in the export of a generated shaky clip, the
# analysis cached per media, broken media, cancel, the planner's words, the hand-off notes).
clipwright_add_test(tst_stabilise SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_stabilise.cpp
    ${CMAKE_CURRENT_LIST_DIR}/MeasureAudio.h LIBS clipwright_engine TIMEOUT 240)
