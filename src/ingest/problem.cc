#include <fmt/format.h>

#include "letapis/ingest.h"

namespace letapis {

std::string ReadProblem::ToString() const {
  return line > 0 ? fmt::format("{}:{}: {}", path, line, message)
                  : fmt::format("{}: {}", path, message);
}

}  // namespace letapis
