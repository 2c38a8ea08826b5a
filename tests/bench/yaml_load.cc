// yaml_load FILE...: parse each file with yaml-cpp (YAML::LoadFile) and exit 0.
//
// The benchmark's baseline (tests/bench/run.sh): the time yaml-cpp alone needs
// to parse the same dossiers that ipzone checks, and, with one file, a minimal
// program that only loads that file with yaml-cpp. It does nothing else with
// the documents. A file that cannot be read or parsed is named on stderr (so a
// wrong path does not go unnoticed) and the exit code is still 0.
#include <yaml-cpp/yaml.h>

#include <cstdio>

int main(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    try {
      YAML::Node doc = YAML::LoadFile(argv[i]);
      (void)doc;
    } catch (const YAML::Exception& e) {
      std::fprintf(stderr, "yaml_load: %s: %s\n", argv[i], e.what());
    }
  }
  return 0;
}
