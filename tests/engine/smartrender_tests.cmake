# Smart render tests (owned with app/engine/render/SmartRender.*): eligibility and planning
# tables (tst_smartplan, no media) and real smart-vs-normal renders of a generated 20 s 720p
# clip (tst_smartrender).
clipwright_add_test(tst_smartplan SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_smartplan.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SmartFixtures.h LIBS clipwright_engine)
clipwright_add_test(tst_smartrender SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_smartrender.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SmartFixtures.h ${CMAKE_CURRENT_LIST_DIR}/SmartMeasure.h LIBS clipwright_engine TIMEOUT 600)
# Fades through every render path (tst_fades: normal, smart, preview assembly, viewer frame).
clipwright_add_test(tst_fades SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_fades.cpp
    ${CMAKE_CURRENT_LIST_DIR}/MeasureAudio.h LIBS clipwright_engine TIMEOUT 180)
# Logos and watermarks (tst_overlays: placement, opacity, transparency, time range, preview).
clipwright_add_test(tst_overlays SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_overlays.cpp
    ${CMAKE_CURRENT_LIST_DIR}/MeasureAudio.h LIBS clipwright_engine TIMEOUT 180)
# Picture-in-picture and split screen (tst_layouts: each region against its source, no
# stretch, the chosen clip's sound, preview, hand-off, speed against plain ffmpeg).
clipwright_add_test(tst_layouts SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_layouts.cpp
    ${CMAKE_CURRENT_LIST_DIR}/MeasureAudio.h LIBS clipwright_engine TIMEOUT 240)
# ... and through the chat over the real engine (tst_layoutchat).
if(TARGET clipwright-engine)
    clipwright_add_test(tst_layoutchat SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_layoutchat.cpp
        ${CMAKE_CURRENT_LIST_DIR}/EngineClient.h LIBS clipwright_engine Qt6::Network TIMEOUT 240)
endif()
# Reverse, freeze frame, loop and zoom (tst_motion: frame by frame in the export, the smart
# render stepping aside, the preview assembly drawing them).
clipwright_add_test(tst_motion SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_motion.cpp
    ${CMAKE_CURRENT_LIST_DIR}/MeasureAudio.h LIBS clipwright_engine TIMEOUT 240)
# "Clean up the audio" (tst_audiocleanup: rumble, hiss and loudness measured in the export).
clipwright_add_test(tst_audiocleanup SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_audiocleanup.cpp
    ${CMAKE_CURRENT_LIST_DIR}/MeasureAudio.h LIBS clipwright_engine TIMEOUT 180)
# A text's colour, size, weight, box and outline (tst_textlook: rules, the filter, the pixels,
# and through the chat over the real engine).
if(TARGET clipwright-engine)
    clipwright_add_test(tst_textlook SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_textlook.cpp
        ${CMAKE_CURRENT_LIST_DIR}/EngineClient.h ${CMAKE_CURRENT_LIST_DIR}/MeasureAudio.h
        LIBS clipwright_engine Qt6::Network TIMEOUT 180)
endif()
# Fast export (tst_fastexport: HEVC in, HEVC out with copied GOPs; Main10; stepping aside).
clipwright_add_test(tst_fastexport SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_fastexport.cpp
    LIBS clipwright_engine TIMEOUT 900)
# ... and through the chat and the render request over the real engine (tst_fastchat).
if(TARGET clipwright-engine)
    clipwright_add_test(tst_fastchat SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_fastchat.cpp
        ${CMAKE_CURRENT_LIST_DIR}/EngineClient.h LIBS clipwright_engine Qt6::Network TIMEOUT 180)
endif()
