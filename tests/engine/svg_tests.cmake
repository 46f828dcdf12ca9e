# SVG logos (owned with app/engine/media/SvgImage.*): the cleaner's table, the sniff and the
# librsvg drawing (tst_svgclean), and an SVG logo uploaded, placed by chat and exported through
# the real engine over loopback (tst_svglogo).
clipwright_add_test(tst_svgclean SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_svgclean.cpp
    ${CMAKE_CURRENT_LIST_DIR}/MeasureAudio.h LIBS clipwright_engine TIMEOUT 120)
if(TARGET clipwright-engine AND EXISTS ${CMAKE_CURRENT_LIST_DIR}/tst_svglogo.cpp)
    clipwright_add_test(tst_svglogo SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_svglogo.cpp
        ${CMAKE_CURRENT_LIST_DIR}/EngineClient.h ${CMAKE_CURRENT_LIST_DIR}/MeasureAudio.h
        LIBS clipwright_engine Qt6::Network TIMEOUT 240)
endif()
