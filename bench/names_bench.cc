// Throughput of name matching: PhoneticKey, Compare, blocking + comparing 100,000
// synthetic names, and resolving 100,000 mentions into people; names recombined from the given
// names and surnames of
// ../shared/eval/name-variants.tsv (path: $LETAPIS_NAME_VARIANTS, else next to the data dir).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "letapis/names.h"
#include "letapis/people.h"
#include "letapis/tsv.h"

namespace {

using letapis::NameMatcher;

constexpr size_t kSyntheticNames = 100000;
constexpr size_t kWindow = 4;  // each name is compared with the next kWindow in its block

const NameMatcher* Matcher() {
  static const NameMatcher* matcher = [] {
    auto* m = new NameMatcher();
    if (!NameMatcher::Load(letapis::DataDir(), m).ok()) {
      delete m;
      return static_cast<NameMatcher*>(nullptr);
    }
    return m;
  }();
  return matcher;
}

// The variant names of name-variants.tsv (second column), or none when it is missing.
const std::vector<std::string>& Variants() {
  static const std::vector<std::string> variants = [] {
    const char* env = std::getenv("LETAPIS_NAME_VARIANTS");
    const std::string path = env != nullptr && *env != '\0'
                                 ? env
                                 : letapis::DataDir() + "/../../shared/eval/name-variants.tsv";
    std::vector<std::string> out;
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
      std::stringstream fields(line);
      std::string id, name;
      if (std::getline(fields, id, '\t') && std::getline(fields, name, '\t')) out.push_back(name);
    }
    return out;
  }();
  return variants;
}

bool Ready(benchmark::State& state) {
  if (Matcher() == nullptr) {
    state.SkipWithError("cannot load the data tables");
    return false;
  }
  if (Variants().empty()) {
    state.SkipWithError("name-variants.tsv not found (set LETAPIS_NAME_VARIANTS)");
    return false;
  }
  return true;
}

// Names recombined from the first word (given name) and last word (surname) of variants.
std::vector<std::string> SyntheticNames(size_t count) {
  std::vector<std::string> given, surnames;
  for (const std::string& v : Variants()) {
    std::stringstream words(v);
    std::vector<std::string> w;
    for (std::string x; words >> x;) w.push_back(x);
    if (w.size() < 2 || w.front().find('.') != std::string::npos) continue;
    given.push_back(w.front());
    surnames.push_back(w.back());
  }
  std::mt19937 rng(20250714);
  std::uniform_int_distribution<size_t> pick_given(0, given.size() - 1);
  std::uniform_int_distribution<size_t> pick_surname(0, surnames.size() - 1);
  std::vector<std::string> names;
  names.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    names.push_back(given[pick_given(rng)] + " " + surnames[pick_surname(rng)]);
  }
  return names;
}

void BM_PhoneticKey(benchmark::State& state) {
  if (!Ready(state)) return;
  const std::vector<std::string>& names = Variants();
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(Matcher()->PhoneticKey(names[i]));
    i = (i + 1) % names.size();
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PhoneticKey);

void BM_Compare(benchmark::State& state) {
  if (!Ready(state)) return;
  const std::vector<std::string>& names = Variants();
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(Matcher()->Compare(names[i], names[(i * 7 + 1) % names.size()]));
    i = (i + 1) % names.size();
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Compare);

// Keys 100,000 names, groups them by key and compares each with its next neighbours in
// the block (sorted-neighbourhood blocking). Items are names.
void BM_BlockAndCompare100k(benchmark::State& state) {
  if (!Ready(state)) return;
  const std::vector<std::string> names = SyntheticNames(kSyntheticNames);
  size_t comparisons = 0, same = 0, blocks = 0;
  for (auto _ : state) {
    std::unordered_map<std::string, std::vector<size_t>> by_key;
    for (size_t i = 0; i < names.size(); ++i) by_key[Matcher()->PhoneticKey(names[i])].push_back(i);
    comparisons = same = 0;
    blocks = by_key.size();
    for (auto& [key, members] : by_key) {
      std::sort(members.begin(), members.end(),
                [&](size_t a, size_t b) { return names[a] < names[b]; });
      for (size_t i = 0; i < members.size(); ++i) {
        for (size_t j = i + 1; j < members.size() && j <= i + kWindow; ++j) {
          ++comparisons;
          if (Matcher()->Compare(names[members[i]], names[members[j]]).same) ++same;
        }
      }
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * names.size()));
  state.counters["blocks"] = static_cast<double>(blocks);
  state.counters["comparisons"] = static_cast<double>(comparisons);
  state.counters["same"] = static_cast<double>(same);
}
BENCHMARK(BM_BlockAndCompare100k)->Unit(benchmark::kMillisecond)->Iterations(1);

// Resolves 100,000 person mentions (synthetic names, each with two co-mentioned people
// and a body as context) into people with PeopleResolver, as ingest does. Items are
// mentions.
void BM_Resolve100kMentions(benchmark::State& state) {
  if (!Ready(state)) return;
  const std::vector<std::string> names = SyntheticNames(kSyntheticNames);
  static const char* kBodies[] = {"Viasna",
                                  "Memorial",
                                  "OVD-Info",
                                  "Amnesty International",
                                  "Belarusian Association of Journalists",
                                  "KGB"};
  std::vector<letapis::PersonMention> mentions(names.size());
  for (size_t i = 0; i < names.size(); ++i) {
    letapis::PersonMention& m = mentions[i];
    m.entity_id = static_cast<int64_t>(i + 1);
    m.source_id = static_cast<int64_t>(i / 4 + 1);
    m.name = names[i];
    m.co_people = {names[(i * 31 + 7) % names.size()], names[(i * 17 + 3) % names.size()]};
    m.co_bodies = {kBodies[i % std::size(kBodies)]};
  }
  size_t people = 0, unassigned = 0;
  for (auto _ : state) {
    letapis::PeopleResolver resolver(*Matcher(), {});
    for (const letapis::PersonMention& m : mentions) resolver.Resolve(m);
    people = resolver.Touched().size();
    unassigned = 0;
    for (const letapis::PersonAssignment& a : resolver.Changes()) unassigned += a.person_id == 0;
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * mentions.size()));
  state.counters["people"] = static_cast<double>(people);
  state.counters["unassigned"] = static_cast<double>(unassigned);
}
BENCHMARK(BM_Resolve100kMentions)->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
