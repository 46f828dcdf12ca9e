# Compress to a size: tst_sizetarget (the planner's table, the named limits, a real two-pass
# render of a hard-to-compress 1080p clip under 2 MB, an impossible limit).
clipwright_add_test(tst_sizetarget SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_sizetarget.cpp
    LIBS clipwright_engine TIMEOUT 300)
