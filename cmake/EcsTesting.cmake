# ecs_add_test(NAME <name> SOURCES <files...> LIBS <targets...> [GUI] [LABELS <labels...>]
#              [WRAPPER <command...>])
#
# One Qt Test executable per unit, registered with CTest. GUI tests run with
# -platform offscreen. WRAPPER runs the test through a command, e.g. the private
# keyring script for tests that need a real Secret Service. Tests call
# QStandardPaths::setTestModeEnabled(true) themselves where they touch settings.
function(ecs_add_test)
    cmake_parse_arguments(ARG "GUI" "NAME" "SOURCES;LIBS;LABELS;WRAPPER" ${ARGN})
    add_executable(${ARG_NAME} ${ARG_SOURCES})
    target_link_libraries(${ARG_NAME} PRIVATE Qt6::Test Ecs::CommonSettings ${ARG_LIBS})
    set(args)
    if(ARG_GUI)
        list(APPEND args -platform offscreen)
    endif()
    add_test(NAME ${ARG_NAME} COMMAND ${ARG_WRAPPER} $<TARGET_FILE:${ARG_NAME}> ${args})
    set_tests_properties(${ARG_NAME} PROPERTIES
        LABELS "${ARG_LABELS}"
        TIMEOUT 300
        ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=ecs.*.debug=false")
endfunction()
