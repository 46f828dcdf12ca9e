# Robustness tests (issue 7; included by tests/engine/CMakeLists.txt): crash/kill and disk
# faults against the real engine process, and hostile input over loopback.
if(TARGET clipwright-engine)
    foreach(unit faults hostile)
        if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/tst_${unit}.cpp)
            clipwright_add_test(tst_${unit} SOURCES tst_${unit}.cpp EngineClient.h FaultSupport.h
                LIBS clipwright_engine Qt6::Network Qt6::Sql LABELS robust TIMEOUT 300)
        endif()
    endforeach()
endif()
