# ecs_add_test(NAME <name> SOURCES <files...> LIBS <targets...> [GUI] [LABELS <labels...>])
#
# One Qt Test executable per unit, registered with CTest. GUI tests run with
# -platform offscreen. Every test runs in Qt's test mode (see tests/TestMain) with
# a throwaway HOME so it never touches the user's real settings or keychain.
function(ecs_add_test)
    cmake_parse_arguments(ARG "GUI" "NAME" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${ARG_NAME} ${ARG_SOURCES})
    target_link_libraries(${ARG_NAME} PRIVATE Qt6::Test Ecs::CommonSettings ${ARG_LIBS})
    set(args)
    if(ARG_GUI)
        list(APPEND args -platform offscreen)
    endif()
    add_test(NAME ${ARG_NAME} COMMAND ${ARG_NAME} ${args})
    set_tests_properties(${ARG_NAME} PROPERTIES
        LABELS "${ARG_LABELS}"
        TIMEOUT 300
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=ecs.*.debug=false")
endfunction()
