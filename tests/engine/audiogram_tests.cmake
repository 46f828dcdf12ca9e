# Audiograms: tst_audiogram (the setting's rules and bad input, the graph reading only valid
# values, the export's pixels: waveform band, colours, progress bar, 16:9 and 9:16) and
# tst_audiogramchat (the chat over the real engine, an export measured).
clipwright_add_test(tst_audiogram SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_audiogram.cpp
    LIBS clipwright_engine TIMEOUT 240)
if(TARGET clipwright-engine)
    clipwright_add_test(tst_audiogramchat SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_audiogramchat.cpp
        ${CMAKE_CURRENT_LIST_DIR}/EngineClient.h LIBS clipwright_engine Qt6::Network TIMEOUT 300)
endif()
