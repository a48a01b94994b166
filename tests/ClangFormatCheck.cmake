# Fails listing every tracked C++ file that clang-format would change.
file(GLOB_RECURSE files RELATIVE "${ROOT}"
    "${ROOT}/app/*.cpp" "${ROOT}/app/*.h" "${ROOT}/core/*.cpp" "${ROOT}/core/*.h"
    "${ROOT}/tests/*.cpp" "${ROOT}/tests/*.h")
list(FILTER files EXCLUDE REGEX "node_modules")
set(unformatted)
foreach(file ${files})
    execute_process(COMMAND "${CLANG_FORMAT}" --dry-run -Werror "${ROOT}/${file}"
        RESULT_VARIABLE result OUTPUT_QUIET ERROR_QUIET)
    if(NOT result EQUAL 0)
        list(APPEND unformatted "${file}")
    endif()
endforeach()
list(LENGTH files count)
if(unformatted)
    string(REPLACE ";" "\n  " listing "${unformatted}")
    message(FATAL_ERROR "Not clang-formatted (run clang-format -i):\n  ${listing}")
endif()
message(STATUS "${count} files follow .clang-format")
