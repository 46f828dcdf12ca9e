# Smart render tests (owned with app/engine/render/SmartRender.*): eligibility and planning
# tables (tst_smartplan, no media) and real smart-vs-normal renders of a generated 20 s 720p
# clip (tst_smartrender).
clipwright_add_test(tst_smartplan SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_smartplan.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SmartFixtures.h LIBS clipwright_engine)
clipwright_add_test(tst_smartrender SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_smartrender.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SmartFixtures.h LIBS clipwright_engine TIMEOUT 600)
# Fades through every render path (tst_fades: normal, smart, preview assembly, viewer frame).
clipwright_add_test(tst_fades SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_fades.cpp
    ${CMAKE_CURRENT_LIST_DIR}/MeasureAudio.h LIBS clipwright_engine TIMEOUT 180)
# Logos and watermarks (tst_overlays: placement, opacity, transparency, time range, preview).
clipwright_add_test(tst_overlays SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_overlays.cpp
    ${CMAKE_CURRENT_LIST_DIR}/MeasureAudio.h LIBS clipwright_engine TIMEOUT 180)
