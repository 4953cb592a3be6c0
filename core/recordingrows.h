#pragma once

// The record reader behind RecordingLoader: one JSON object a line, read in place from the file's
// bytes (no document tree), fast enough for millions of records. Internal to the loader.

#include <QString>
#include <QtGlobal>

#include <string_view>
#include <vector>

namespace cascade::recordingrows {

//! A value of a record: only what the format uses (no floats, arrays or nested objects).
struct Value {
    enum class Type : quint8 { Null, Bool, Int, String };
    Type type = Type::Null;
    bool boolean = false;
    bool escaped = false;        // a string with backslash escapes (decode before use)
    bool ascii = true;           // a string of ASCII bytes only (no decoding needed)
    qint64 number = 0;
    std::string_view raw;        // a string's bytes between the quotes, still escaped
};

struct Field {
    std::string_view key;        // as written (keys never need escapes; one that has them is an error)
    Value value;
    qsizetype keyOffset = 0;     // byte offset of the key in the file, for messages
};

//! Reads records "{"key":value,...}\n" one after the other from `data`, tracking line numbers
//! for messages. Each problem becomes "<file>:<line>:<column>: <what> <index>: <problem>".
class RowReader {
public:
    static constexpr int MaxFields = 12;

    RowReader(const char *data, qsizetype size, qsizetype start, qint64 line, const QString &source, int maxStringBytes);

    //! Names the record being read in messages ("event 17", "task 3").
    void setRecord(const char *what, qint64 index) { m_what = what; m_index = index; }
    //! Reads the next record; false with error() set (also at the end of the data).
    bool read();
    [[nodiscard]] bool atEnd() const { return m_pos >= m_size; }
    [[nodiscard]] int fieldCount() const { return m_count; }
    [[nodiscard]] const Field &field(int i) const { return m_fields[i]; }
    [[nodiscard]] qint64 line() const { return m_line; }
    [[nodiscard]] qsizetype offset() const { return m_pos; }
    //! Offset of the record just read, for messages about the whole record.
    [[nodiscard]] qsizetype recordOffset() const { return m_recordStart; }

    //! The string's text (escapes decoded, UTF-8 checked); false with error() set. With
    //! `shared`, a string seen lately ("sleep", "finally", an error name) is decoded once and
    //! shared; program output, which seldom repeats, is not looked up.
    bool text(const Field &field, QString *out, bool shared = true);

    //! Sets error() about the record just read, at byte offset `at`; always returns false.
    bool fail(qsizetype at, const QString &problem);
    [[nodiscard]] QString error() const { return m_error; }

private:
    bool failHere(const QString &problem) { return fail(m_pos, problem); }
    //! Inline: called at every token, and the file Cascade writes has no spaces to skip.
    void skipSpaces()
    {
        while (m_pos < m_size && (m_data[m_pos] == ' ' || m_data[m_pos] == '\t' || m_data[m_pos] == '\r'))
            ++m_pos;
    }
    bool readKey(Field *field);
    bool readValue(Value *value);
    bool readString(Value *value);
    bool readNumber(Value *value);
    bool readWord(std::string_view word);

    const char *m_data;
    qsizetype m_size;
    qsizetype m_pos;
    qsizetype m_lineStart;        // offset where the current line starts
    qsizetype m_recordStart = 0;
    qsizetype m_recordLineStart = 0;  // where the line of the record read last starts
    qint64 m_recordLine = 1;
    qint64 m_line;                // 1-based
    QString m_source;
    int m_maxStringBytes;
    const char *m_what = "record";
    qint64 m_index = 0;
    Field m_fields[MaxFields];
    int m_count = 0;
    QString m_error;
    //! Strings decoded lately, by a hash of their bytes: a fixed table, one string a slot, so a
    //! lookup never walks a chain and a string that does not repeat costs one slot.
    struct Recent {
        std::string_view raw;    // escaped bytes, in the file
        QString text;
    };
    std::vector<Recent> m_recent;
};

} // namespace cascade::recordingrows
