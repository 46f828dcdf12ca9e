# The crop that follows the subject: tst_reframe (the smoothing and expression tables, the
# planner's reading, a moving target and a still head exported at 9:16 and measured in the
# decoded frames, a real face when ../shared/media has it, a bad file).
if(TARGET clipwright-engine)
    clipwright_add_test(tst_reframe SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_reframe.cpp
        ${CMAKE_CURRENT_LIST_DIR}/EngineClient.h ${CMAKE_CURRENT_LIST_DIR}/AgentTurn.h
        LIBS clipwright_engine Qt6::Network TIMEOUT 300)
endif()
