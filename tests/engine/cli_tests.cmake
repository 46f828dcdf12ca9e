# The engine's command line: `clipwright-engine edit` run as a real process on generated
# media (included by tests/engine/CMakeLists.txt).
if(TARGET clipwright-engine AND EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/tst_cli.cpp)
    clipwright_add_test(tst_cli SOURCES tst_cli.cpp
        LIBS clipwright_engine Qt6::Network TIMEOUT 300)
endif()
