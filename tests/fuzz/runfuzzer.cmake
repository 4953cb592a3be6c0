# Runs one libFuzzer binary for a bounded number of inputs over a fresh copy of the seed files.
# cmake -DFUZZER=<binary> -DWORK_DIR=<dir> -DSEED_DIRS=<dir;dir> -DRUNS=<n> [-DDICT=<file>]
#       [-DSEED_PATTERN=<glob>, default *.json] [-DMAX_LEN=<bytes>, default 4096] -P runfuzzer.cmake
foreach(var FUZZER WORK_DIR SEED_DIRS RUNS)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "runfuzzer.cmake: ${var} is not set")
    endif()
endforeach()
if(NOT EXISTS "${FUZZER}")
    message(FATAL_ERROR "fuzzer not built: ${FUZZER}")
endif()

if(NOT DEFINED SEED_PATTERN)
    set(SEED_PATTERN "*.json")
endif()
if(NOT DEFINED MAX_LEN)
    set(MAX_LEN 4096)
endif()
set(corpus "${WORK_DIR}/corpus")
file(REMOVE_RECURSE "${corpus}")
file(MAKE_DIRECTORY "${corpus}" "${WORK_DIR}/artifacts")
foreach(dir IN LISTS SEED_DIRS)
    file(GLOB seeds "${dir}/${SEED_PATTERN}")
    if(seeds)
        file(COPY ${seeds} DESTINATION "${corpus}")
    endif()
endforeach()

set(dict_arg)
if(DEFINED DICT)
    set(dict_arg "-dict=${DICT}")
endif()
execute_process(
    COMMAND "${FUZZER}" ${dict_arg} -runs=${RUNS} -max_len=${MAX_LEN} -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
            "-artifact_prefix=${WORK_DIR}/artifacts/" "${corpus}"
    WORKING_DIRECTORY "${WORK_DIR}"
    RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "the fuzzer failed (${result}); the input that did it is in ${WORK_DIR}/artifacts/")
endif()
