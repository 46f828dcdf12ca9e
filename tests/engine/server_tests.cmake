# Tests of the engine's server, store and agent (included by tests/engine/CMakeLists.txt).
foreach(unit store agentplanner agentplanner_frames phrasecorpus changeops targetlength)
    if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/tst_${unit}.cpp)
        clipwright_add_test(tst_${unit} SOURCES tst_${unit}.cpp LIBS clipwright_engine TIMEOUT 120)
    endif()
endforeach()
# These start the real clipwright-engine process and talk to it over loopback.
if(TARGET clipwright-engine)
    foreach(unit engineserver engineagent enginerender agentops agentconversation urlfetch)
        if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/tst_${unit}.cpp)
            clipwright_add_test(tst_${unit} SOURCES tst_${unit}.cpp EngineClient.h
                LIBS clipwright_engine Qt6::Network TIMEOUT 240)
        endif()
    endforeach()
endif()
# Export formats (render/RenderOutput.h) through the real engine over loopback and the CLI.
if(TARGET clipwright-engine AND EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/tst_exportformats.cpp)
    clipwright_add_test(tst_exportformats SOURCES tst_exportformats.cpp EngineClient.h
        MeasureAudio.h LIBS clipwright_engine Qt6::Network TIMEOUT 300)
endif()
