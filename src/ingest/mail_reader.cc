// ReadMailFile: a message and its attachments as linked Documents.
#include "ingest/mail_reader.h"

#include <filesystem>

#include <fmt/format.h>

#include "ingest/document_text.h"
#include "letapis/text.h"
#include "mail/mime.h"

namespace letapis {
namespace {

// The reader format of an attachment ("txt", "html", "pdf"), or "" for other files.
std::string AttachmentFormat(const MailAttachment& attachment) {
  std::string extension = std::filesystem::path(attachment.filename).extension().string();
  for (char& c : extension) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (extension == ".txt") return "txt";
  if (extension == ".html" || extension == ".htm") return "html";
  if (extension == ".pdf") return "pdf";
  if (!extension.empty()) return "";
  if (attachment.content_type == "text/plain") return "txt";
  if (attachment.content_type == "text/html") return "html";
  if (attachment.content_type == "application/pdf") return "pdf";
  return "";
}

bool HasNonSpace(std::string_view text) {
  return text.find_first_not_of(" \t\r\n\f\v") != std::string_view::npos;
}

// The message as a Document: its raw bytes, and the body as text. A body's offsets have
// no single position in the encoded message, so text_to_raw maps into the decoded body.
Status MessageDocument(const MailMessage& message, std::string bytes, const SourceMeta& meta,
                       Document* out) {
  Document doc;
  doc.meta = meta;
  doc.raw = std::move(bytes);
  doc.meta.sha256 = Sha256Hex(doc.raw);
  doc.meta.format = message.body_is_html ? "html" : "txt";
  doc.meta.encoding = "UTF-8";
  const OffsetMap body_map = OffsetMap::Identity(static_cast<uint32_t>(message.body.size()));
  if (Status s = DeriveText(message.body, body_map, &doc); !s.ok()) return s;
  doc.meta.format = "eml";
  *out = std::move(doc);
  return Status::Ok();
}

}  // namespace

void ReadMailFile(const std::string& path, std::string bytes, const ReadOptions& options,
                  std::vector<Document>* docs, std::vector<ReadProblem>* problems) {
  MailMessage message;
  if (Status s = ParseMail(bytes, &message); !s.ok()) {
    problems->push_back(ReadProblem{path, 0, "malformed message: " + s.message()});
    return;
  }
  SourceMeta meta;
  meta.name = std::filesystem::path(path).filename().string();
  meta.path = path;
  meta.url = options.url;
  meta.publisher = options.publisher;
  meta.published = options.published.known() ? options.published : message.date;
  meta.title = message.subject;
  meta.author = message.from;
  const std::string message_sha256 = Sha256Hex(bytes);
  if (HasNonSpace(message.body)) {
    Document doc;
    if (Status s = MessageDocument(message, std::move(bytes), meta, &doc); !s.ok()) {
      problems->push_back(ReadProblem{path, 0, s.message()});
    } else {
      docs->push_back(std::move(doc));
    }
  } else if (message.attachments.empty()) {
    problems->push_back(ReadProblem{path, 0, "message without body text or attachments"});
    return;
  }
  int unnamed = 0;
  for (const MailAttachment& attachment : message.attachments) {
    const std::string format = AttachmentFormat(attachment);
    if (format.empty()) continue;
    const std::string filename = !attachment.filename.empty()
                                     ? attachment.filename
                                     : fmt::format("attachment-{}.{}", ++unnamed, format);
    SourceMeta part = meta;
    part.name = meta.name + "#" + filename;
    part.format = format;
    part.title = filename;
    part.parent = message_sha256;
    Document doc;
    const Status s = format == "pdf" ? MakePdfDocument(attachment.content, part, &doc)
                                     : MakeDocument(attachment.content, part, &doc);
    if (!s.ok()) {
      problems->push_back(
          ReadProblem{path, 0, fmt::format("attachment \"{}\": {}", filename, s.message())});
      continue;
    }
    docs->push_back(std::move(doc));
  }
}

}  // namespace letapis
