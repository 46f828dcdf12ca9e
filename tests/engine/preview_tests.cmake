# Thumbnail route and the preview render preset, against the real engine process.
if(TARGET clipwright-engine)
    clipwright_add_test(tst_previewroutes SOURCES tst_previewroutes.cpp EngineClient.h
        LIBS clipwright_engine Qt6::Network TIMEOUT 120)
endif()
