# Hand-off to other editors (issue 6): the MLT file rendered by Debian's `melt` against the
# engine's own render of the same draft (skipped when melt is not installed).
clipwright_add_test(tst_mltmelt SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_mltmelt.cpp
    LIBS clipwright_engine TIMEOUT 180)
