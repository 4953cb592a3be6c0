#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

// Helpers over the raw text of a JSON document, for error messages: QJsonDocument forgets where
// values were, so these walk the bytes again to map a JSON pointer back to a line and column.
// They are meant for text QJsonDocument has already accepted, but never read out of bounds or loop
// forever on anything else.
namespace cascade::jsontext {

struct TextPosition {
    int line = 1;    // 1-based
    int column = 1;  // 1-based, in Unicode code points (what editors show), tabs count as one
};

//! Line and column of a byte offset (clamped to the text). A leading UTF-8 byte order mark is not a column.
[[nodiscard]] TextPosition positionAt(const QByteArray &text, qsizetype offset);

enum class Target { Value, Key };

//! Byte offset where the value named by an RFC 6901 pointer starts ("" is the whole document).
//! With Target::Key, the offset of the member's key instead (for unknown or duplicate keys).
//! If the pointer does not exist, the offset of its deepest existing ancestor.
[[nodiscard]] qsizetype locate(const QByteArray &text, const QString &pointer, Target target = Target::Value);

//! The keys of the object at pointer, in document order (empty if it is not an object).
[[nodiscard]] QStringList memberKeys(const QByteArray &text, const QString &pointer);

//! The literal text of the scalar at offset (a number, true, false, null), at most 40 characters.
[[nodiscard]] QString scalarLiteralAt(const QByteArray &text, qsizetype offset);

struct DuplicateKey {
    QString pointer;        // pointer of the repeated member
    qsizetype offset = 0;   // of the repeated key
    qsizetype firstOffset = 0;  // of its first occurrence
};

//! The first key (in document order) that repeats in the same object. QJsonDocument silently keeps
//! the last of the two, which would hide an author's mistake.
[[nodiscard]] std::optional<DuplicateKey> findDuplicateKey(const QByteArray &text);

//! Offset of the first '[' or '{' nested deeper than maxDepth. Works on any bytes (brackets inside
//! strings do not count), so it can run before the parser.
[[nodiscard]] std::optional<qsizetype> firstTooDeep(const QByteArray &text, int maxDepth);

//! One reference token, escaped per RFC 6901 ("~" -> "~0", "/" -> "~1").
[[nodiscard]] QString escapeToken(const QString &token);
[[nodiscard]] QStringList splitPointer(const QString &pointer);

} // namespace cascade::jsontext
