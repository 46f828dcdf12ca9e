# Several shorts from one edit (edit/ShortsPick.h, core Shorts.h): tst_shortschat (the chat over
# the real engine on a generated talk, short 2 exported and measured) and tst_shortscli (the CLI
# writes one file per short, --short N one, a bad N refused); tst_shortspick (pieces joined over a
# breath, as a table).
if(TARGET clipwright-engine)
    clipwright_add_test(tst_shortschat SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_shortschat.cpp ${CMAKE_CURRENT_LIST_DIR}/ExcitingTalk.h
        ${CMAKE_CURRENT_LIST_DIR}/EngineClient.h LIBS clipwright_engine Qt6::Network TIMEOUT 300)
endif()
clipwright_add_test(tst_shortspick SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_shortspick.cpp
    LIBS clipwright_engine)
