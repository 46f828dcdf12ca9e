# Smart render tests (owned with app/engine/render/SmartRender.*): eligibility and planning
# tables plus real smart-vs-normal renders of a generated 20 s 720p clip.
clipwright_add_test(tst_smartrender SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_smartrender.cpp
    LIBS clipwright_engine TIMEOUT 600)
