# Analyses after upload: tst_uploadanalysis (the background scene pass over the real engine:
# cached without being asked, a request waiting for a running pass, shutdown mid-pass) and
# tst_brollscenes (B-roll every N seconds on scene changes: the placement table and the chat).
if(TARGET clipwright-engine)
    clipwright_add_test(tst_uploadanalysis SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_uploadanalysis.cpp
        ${CMAKE_CURRENT_LIST_DIR}/UploadShots.h ${CMAKE_CURRENT_LIST_DIR}/EngineClient.h
        LIBS clipwright_engine Qt6::Network Qt6::Sql TIMEOUT 300)
    clipwright_add_test(tst_brollscenes SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_brollscenes.cpp
        ${CMAKE_CURRENT_LIST_DIR}/UploadShots.h ${CMAKE_CURRENT_LIST_DIR}/EngineClient.h
        LIBS clipwright_engine Qt6::Network Qt6::Sql TIMEOUT 240)
endif()
