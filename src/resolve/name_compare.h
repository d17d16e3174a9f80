// The decision whether two parsed names may denote one person.
#pragma once

#include "letapis/names.h"
#include "resolve/name_parse.h"

namespace letapis::names {

// Compares two parsed names (see NameMatcher::Compare for the rules).
NameMatcher::Match CompareParsed(const Tables& tables, const ParsedName& a, const ParsedName& b);

}  // namespace letapis::names
