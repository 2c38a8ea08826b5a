# What `cmake --install` installs, and the Debian package CPack makes of it
# (`cpack --config build/CPackConfig.cmake`: ipzone_VERSION_amd64.deb):
#   bin/ipzone
#   share/man/man1/ipzone.1.gz              made by tools/make_manpage.cc from docs/ipzone.1.in
#   share/bash-completion/completions/ipzone, share/zsh/vendor-completions/_ipzone,
#   share/fish/vendor_completions.d/ipzone.fish   made by `ipzone completion bash|zsh|fish`
#   share/doc/ipzone/                       README.md, rules.md, rules-recognition.md, examples/
# The man page and the completion scripts are written from the binary's own
# option definitions at build time, so they cannot drift from it. A cross build
# (tools/build-windows.sh) cannot run what it builds, and makes neither.
include(GNUInstallDirs)

install(TARGETS ipzone RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")

if(NOT CMAKE_CROSSCOMPILING)
  add_executable(ipzone_make_manpage tools/make_manpage.cc)
  target_link_libraries(ipzone_make_manpage PRIVATE ipzone_cli)
  set(IPZONE_MAN "${CMAKE_BINARY_DIR}/man/ipzone.1")
  add_custom_command(
    OUTPUT "${IPZONE_MAN}" "${IPZONE_MAN}.gz"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${CMAKE_BINARY_DIR}/man"
    COMMAND ipzone_make_manpage "${CMAKE_SOURCE_DIR}/docs/ipzone.1.in" "${IPZONE_MAN}"
    COMMAND gzip -9nkf "${IPZONE_MAN}"
    DEPENDS ipzone_make_manpage "${CMAKE_SOURCE_DIR}/docs/ipzone.1.in"
    COMMENT "Writing the man page ipzone(1) from the command line's definitions"
    VERBATIM)

  set(IPZONE_COMPLETIONS "${CMAKE_BINARY_DIR}/completions")
  set(completion_files "")
  foreach(shell_file IN ITEMS "bash:ipzone" "zsh:_ipzone" "fish:ipzone.fish")
    string(REPLACE ":" ";" pair "${shell_file}")
    list(GET pair 0 shell)
    list(GET pair 1 file)
    add_custom_command(
      OUTPUT "${IPZONE_COMPLETIONS}/${file}"
      COMMAND ${CMAKE_COMMAND} -E make_directory "${IPZONE_COMPLETIONS}"
      COMMAND sh -c "\"$0\" completion $1 > \"$2\"" "$<TARGET_FILE:ipzone>" ${shell} "${IPZONE_COMPLETIONS}/${file}"
      DEPENDS ipzone
      COMMENT "Writing the ${shell} completion script"
      VERBATIM)
    list(APPEND completion_files "${IPZONE_COMPLETIONS}/${file}")
  endforeach()
  add_custom_target(ipzone_docs ALL DEPENDS "${IPZONE_MAN}" "${IPZONE_MAN}.gz" ${completion_files})

  install(FILES "${IPZONE_MAN}.gz" DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
  install(FILES "${IPZONE_COMPLETIONS}/ipzone" DESTINATION "${CMAKE_INSTALL_DATADIR}/bash-completion/completions")
  install(FILES "${IPZONE_COMPLETIONS}/_ipzone" DESTINATION "${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions")
  install(FILES "${IPZONE_COMPLETIONS}/ipzone.fish" DESTINATION "${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d")
endif()

install(FILES README.md DESTINATION "${CMAKE_INSTALL_DOCDIR}")
install(FILES rules/README.md DESTINATION "${CMAKE_INSTALL_DOCDIR}" RENAME rules.md)
install(FILES rules/recognition/README.md DESTINATION "${CMAKE_INSTALL_DOCDIR}" RENAME rules-recognition.md)
install(DIRECTORY examples/ DESTINATION "${CMAKE_INSTALL_DOCDIR}/examples")

# The Debian package: one version, project()'s; dependencies found by
# dpkg-shlibdeps from the libraries the binary links.
set(IPZONE_PACKAGE_MAINTAINER "ipzone maintainers <ipzone@example.invalid>" CACHE STRING
    "The Maintainer field of the Debian package")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME ipzone)
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_CONTACT "${IPZONE_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "check dossiers for recognition as a Beijing SME IP agglomeration zone")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "ipzone checks an application for recognition as a Beijing SME intellectual\nproperty agglomeration development zone against the Beijing Intellectual\nProperty Office's Measures of 2023-12-20, criterion by criterion: the value\nfound, the bound, and what would fix a failure. Reports in Chinese or\nEnglish, as text, JSON, CSV, JUnit, Markdown, HTML, SARIF or an\nExcel workbook; the rules are data.")
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The tz database, for "today" in --tz / TZ / Asia/Shanghai (the libraries found by dpkg-shlibdeps are added).
set(CPACK_DEBIAN_PACKAGE_DEPENDS "tzdata")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_PACKAGE_DIRECTORY "${CMAKE_BINARY_DIR}/package")
include(CPack)
