# The catalogue of hostile inputs (tests/e2e/hostile/catalogue.py): one test
# per case, named as the catalogue names it, run with Debian's python3. Each
# runs a batch around the hostile dossier in zh and en, parses the JSON
# strictly, and checks under strace that nothing outside the folder is opened.
set(IPZ_HOSTILE "${CMAKE_CURRENT_SOURCE_DIR}/e2e/hostile/catalogue.py")
execute_process(COMMAND /usr/bin/python3 "${IPZ_HOSTILE}" - --list
                OUTPUT_VARIABLE IPZ_HOSTILE_CASES RESULT_VARIABLE IPZ_HOSTILE_RC)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${IPZ_HOSTILE}")
if(NOT IPZ_HOSTILE_RC EQUAL 0)
  message(WARNING "tests/e2e/hostile: /usr/bin/python3 cannot list the catalogue; its tests are left out")
  set(IPZ_HOSTILE_CASES "")
endif()
string(REPLACE ";" "," IPZ_HOSTILE_CASES "${IPZ_HOSTILE_CASES}")  # a name may hold no ';' for CMake
string(REPLACE "\n" ";" IPZ_HOSTILE_CASES "${IPZ_HOSTILE_CASES}")
foreach(name IN LISTS IPZ_HOSTILE_CASES)
  if(NOT name STREQUAL "")
    add_test(NAME "hostile: ${name}" COMMAND /usr/bin/python3 "${IPZ_HOSTILE}" "$<TARGET_FILE:ipzone>" "${name}")
    set_tests_properties("hostile: ${name}" PROPERTIES LABELS hostile ENVIRONMENT "NO_COLOR=1;LC_ALL=C.UTF-8")
  endif()
endforeach()
