# Scene changes: tst_scenes (the cuts of a generated 8-shot clip within a frame, the real clips
# of autoeditor-resources, the parser and edit tables) and tst_scenechat (the chat over the real
# engine, an export measured).
clipwright_add_test(tst_scenes SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_scenes.cpp
    ${CMAKE_CURRENT_LIST_DIR}/SceneShots.h LIBS clipwright_engine TIMEOUT 120)
if(TARGET clipwright-engine)
    clipwright_add_test(tst_scenechat SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_scenechat.cpp
        ${CMAKE_CURRENT_LIST_DIR}/SceneShots.h ${CMAKE_CURRENT_LIST_DIR}/EngineClient.h
        LIBS clipwright_engine Qt6::Network TIMEOUT 240)
endif()
# The best N seconds (target_length best mode) chosen by sound and picture activity, through
# the chat on a generated talk with one exciting stretch.
if(TARGET clipwright-engine)
    clipwright_add_test(tst_highlights SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_highlights.cpp ${CMAKE_CURRENT_LIST_DIR}/ExcitingTalk.h
        ${CMAKE_CURRENT_LIST_DIR}/EngineClient.h LIBS clipwright_engine Qt6::Network TIMEOUT 240)
endif()
