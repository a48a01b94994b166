# One interface target carries the project's strict settings; every target links it.
add_library(ecs_common_settings INTERFACE)
add_library(Ecs::CommonSettings ALIAS ecs_common_settings)

target_compile_definitions(ecs_common_settings INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_NO_FOREACH
    QT_NO_KEYWORDS
    QT_STRICT_ITERATORS
    QT_DISABLE_DEPRECATED_BEFORE=0x060400)

target_compile_options(ecs_common_settings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
    -Wcast-align -Woverloaded-virtual -Wconversion -Wno-sign-conversion
    -Wformat=2 -Wimplicit-fallthrough)

if(ECS_WARNINGS_AS_ERRORS)
    target_compile_options(ecs_common_settings INTERFACE -Werror)
endif()

if(ECS_SANITIZE)
    target_compile_options(ecs_common_settings INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(ecs_common_settings INTERFACE -fsanitize=address,undefined)
endif()
