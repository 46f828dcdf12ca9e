# Compress to a size: tst_sizetarget (the planner's table, the named limits, a real two-pass
# render of a hard-to-compress 1080p clip under 2 MB, an impossible limit).
clipwright_add_test(tst_sizetarget SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_sizetarget.cpp
    LIBS clipwright_engine TIMEOUT 600)
# ... and through the chat over the real engine (tst_sizechat).
if(TARGET clipwright-engine)
    clipwright_add_test(tst_sizechat SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_sizechat.cpp
        ${CMAKE_CURRENT_LIST_DIR}/EngineClient.h LIBS clipwright_engine Qt6::Network TIMEOUT 120)
endif()
