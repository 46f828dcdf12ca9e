# Tests of the engine's server, store and agent (included by tests/engine/CMakeLists.txt).
foreach(unit store agentplanner)
    if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/tst_${unit}.cpp)
        clipwright_add_test(tst_${unit} SOURCES tst_${unit}.cpp LIBS clipwright_engine TIMEOUT 120)
    endif()
endforeach()
if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/tst_engineserver.cpp AND TARGET clipwright-engine)
    clipwright_add_test(tst_engineserver SOURCES tst_engineserver.cpp
        LIBS clipwright_engine Qt6::Network TIMEOUT 240)
endif()
