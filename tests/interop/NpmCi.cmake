# Runs `npm ci` for the interop packages in the build tree: copies package.json and
# package-lock.json from SOURCE_DIR to NPM_DIR and installs exactly the locked versions.
foreach(file package.json package-lock.json)
    if(NOT EXISTS "${SOURCE_DIR}/${file}")
        message(FATAL_ERROR "${SOURCE_DIR}/${file} is missing")
    endif()
    file(COPY "${SOURCE_DIR}/${file}" DESTINATION "${NPM_DIR}")
endforeach()

execute_process(
    COMMAND "${NPM}" ci --no-audit --no-fund --ignore-scripts
    WORKING_DIRECTORY "${NPM_DIR}"
    RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "npm ci failed (${result}) in ${NPM_DIR}")
endif()
