# Beats and the montage cut to them: tst_beats (click tracks and the music bed at known tempi,
# silence and noise refused, the grid and montage tables) and tst_montagechat (the chat over
# the real engine, the export's cuts measured against the beats).
clipwright_add_test(tst_beats SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_beats.cpp
    LIBS clipwright_engine TIMEOUT 180)
if(TARGET clipwright-engine AND EXISTS ${CMAKE_CURRENT_LIST_DIR}/tst_montagechat.cpp)
    clipwright_add_test(tst_montagechat SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_montagechat.cpp
        ${CMAKE_CURRENT_LIST_DIR}/EngineClient.h LIBS clipwright_engine Qt6::Network TIMEOUT 300)
endif()
# Downbeats and the transitions on them: tst_downbeats (the bar phase, lengths and the draft
# tabled; accented click tracks measured) and tst_downbeatchat (the chat over the real engine,
# the export's blends and hard cuts measured against the clicks).
clipwright_add_test(tst_downbeats SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_downbeats.cpp
    LIBS clipwright_engine TIMEOUT 180)
if(TARGET clipwright-engine AND EXISTS ${CMAKE_CURRENT_LIST_DIR}/tst_downbeatchat.cpp)
    clipwright_add_test(tst_downbeatchat SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_downbeatchat.cpp
        ${CMAKE_CURRENT_LIST_DIR}/EngineClient.h LIBS clipwright_engine Qt6::Network TIMEOUT 300)
endif()
