# Thumbnail route and the preview render preset, against the real engine process.
if(TARGET clipwright-engine)
    clipwright_add_test(tst_previewroutes SOURCES tst_previewroutes.cpp EngineClient.h
        LIBS clipwright_engine Qt6::Network TIMEOUT 120)
endif()
# The viewer's preview and frames of the edit (proxies, assembly, frame route).
if(TARGET clipwright-engine)
    clipwright_add_test(tst_editviewer SOURCES tst_editviewer.cpp EngineClient.h AgentTurn.h
        LIBS clipwright_engine Qt6::Network TIMEOUT 240)
endif()
# Real footage end to end (upload, three edits, export) on the conformance corpus.
if(TARGET clipwright-engine)
    clipwright_add_test(tst_conformance SOURCES tst_conformance.cpp EngineClient.h AgentTurn.h
        LIBS clipwright_engine Qt6::Network TIMEOUT 1200)
endif()
# Ten minutes of variable-frame-rate footage: A/V sync at ten cuts (flashes and beeps).
if(TARGET clipwright-engine)
    clipwright_add_test(tst_vfrsync SOURCES tst_vfrsync.cpp EngineClient.h AgentTurn.h
        LIBS clipwright_engine Qt6::Network TIMEOUT 600)
endif()
