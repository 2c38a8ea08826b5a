# CMake toolchain file: cross-compile for 64-bit Windows with Debian's
# mingw-w64, the POSIX-threads flavour (std::thread, as ipzone -j uses).
# tools/build-windows.sh passes it to every library it builds and to ipzone;
# IPZONE_WINDOWS_PREFIX is where those libraries were installed.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)
set(CMAKE_C_COMPILER x86_64-w64-mingw32-gcc-posix)
set(CMAKE_CXX_COMPILER x86_64-w64-mingw32-g++-posix)
set(CMAKE_RC_COMPILER x86_64-w64-mingw32-windres)
set(CMAKE_AR x86_64-w64-mingw32-gcc-ar-posix CACHE FILEPATH "")
set(CMAKE_RANLIB x86_64-w64-mingw32-gcc-ranlib-posix CACHE FILEPATH "")

# Look for headers, libraries and CMake packages only in the mingw-w64 tree
# and the prefix of the libraries built for Windows, never in the host's /usr.
set(CMAKE_FIND_ROOT_PATH /usr/x86_64-w64-mingw32)
if(DEFINED ENV{IPZONE_WINDOWS_PREFIX})
  list(PREPEND CMAKE_FIND_ROOT_PATH "$ENV{IPZONE_WINDOWS_PREFIX}")
endif()
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# One static executable: libgcc, libstdc++ and winpthread linked in, so
# there is no DLL to ship beside ipzone.exe.
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static -static-libgcc -static-libstdc++")
