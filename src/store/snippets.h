// Snippets of search hits built from the stored text with the index's own tokenizer
// (fts3tokenize over unicode61), so that a page's snippets cost a read of its reports,
// not another pass over every match as FTS4's snippet() needs.
#pragma once

#include <vector>

#include "letapis/search.h"
#include "letapis/status.h"
#include "store/search.h"
#include "store/sqlite_handle.h"

namespace letapis::store {

// Tokens of a fragment of the snippet, as FTS4's snippet(…, 24) in the search.
inline constexpr int kSnippetTokens = 24;

// Sets the snippet of every hit: up to kSnippetTokens tokens of its document in at most
// four fragments, chosen to show every query word the document holds (then the most
// occurrences), each occurrence between kHitOpen and kHitClose; "…" where text is left
// out. A word is matched as the index matches it (case and diacritics folded, `word*` as a
// prefix, a word the tokenizer splits as consecutive tokens). Creates the temporary table
// temp.letapis_tokens (fts3tokenize) on the connection when it is missing.
Status AddSnippets(Database* db, const std::vector<SearchWord>& words,
                   std::vector<SearchHit>* hits);

}  // namespace letapis::store
