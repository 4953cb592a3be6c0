#include "scenarioloader.h"

#include "jsonpointerlocator.h"
#include "scenariovalidation.h"
#include "loaderwords.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>

namespace cascade {

using namespace Qt::StringLiterals;

namespace {

constexpr int MaxJsonNesting = 256;

QString syntaxProblem(QJsonParseError::ParseError error)
{
    switch (error) {
    case QJsonParseError::NoError:
        break;
    case QJsonParseError::UnterminatedObject:
        return LoaderWords::tr("expected ',' or '}' after an object member");
    case QJsonParseError::MissingNameSeparator:
        return LoaderWords::tr("expected ':' after the key");
    case QJsonParseError::UnterminatedArray:
        return LoaderWords::tr("expected ',' or ']' after an array element");
    case QJsonParseError::MissingValueSeparator:
        return LoaderWords::tr("expected ',' between two values");
    case QJsonParseError::IllegalValue:
        return LoaderWords::tr("expected a value (a string, number, object, array, true, false or null)");
    case QJsonParseError::TerminationByNumber:
        return LoaderWords::tr("the file ends inside a number");
    case QJsonParseError::IllegalNumber:
        return LoaderWords::tr("invalid number");
    case QJsonParseError::IllegalEscapeSequence:
        return LoaderWords::tr("invalid escape sequence in a string");
    case QJsonParseError::IllegalUTF8String:
        return LoaderWords::tr("a string is not valid UTF-8");
    case QJsonParseError::UnterminatedString:
        return LoaderWords::tr("unterminated string: the closing '\"' is missing");
    case QJsonParseError::MissingObject:
        return LoaderWords::tr("a ',' must be followed by another member or element (trailing commas are not allowed)");
    case QJsonParseError::DeepNesting:
        return LoaderWords::tr("arrays and objects are nested too deeply");
    case QJsonParseError::DocumentTooLarge:
        return LoaderWords::tr("the document is too large");
    case QJsonParseError::GarbageAtEnd:
        return LoaderWords::tr("unexpected text after the end of the JSON object");
    }
    return LoaderWords::tr("invalid JSON");
}

//! Offset of the first byte that is not a byte order mark or whitespace (text.size() if none).
qsizetype firstTokenOffset(const QByteArray &text)
{
    qsizetype i = text.startsWith("\xEF\xBB\xBF") ? 3 : 0;
    while (i < text.size() && (text.at(i) == ' ' || text.at(i) == '\t' || text.at(i) == '\n' || text.at(i) == '\r'))
        ++i;
    return i;
}

//! What a document that does not start with '{' or '[' starts with, for the top-level message.
QString describeStart(const QByteArray &text, qsizetype offset)
{
    const char c = text.at(offset);
    if (c == '"')
        return LoaderWords::tr("a string");
    if (c == '-' || (c >= '0' && c <= '9'))
        return LoaderWords::tr("a number");
    for (const char *word : {"true", "false", "null"}) {
        if (text.mid(offset).startsWith(word))
            return QString::fromLatin1(word);
    }
    if (static_cast<unsigned char>(c) >= 0x20 && static_cast<unsigned char>(c) < 0x7F)
        return u"'%1'"_s.arg(QLatin1Char(c));
    return LoaderWords::tr("the byte 0x%1").arg(uint(static_cast<unsigned char>(c)), 2, 16, QLatin1Char('0'));
}

//! QJsonDocument reports some errors just past the token it choked on; point at the token instead.
qsizetype syntaxErrorOffset(const QByteArray &text, const QJsonParseError &error)
{
    qsizetype offset = std::clamp<qsizetype>(error.offset, 0, text.size());
    switch (error.error) {
    case QJsonParseError::UnterminatedObject:
    case QJsonParseError::MissingNameSeparator:
    case QJsonParseError::UnterminatedArray:
    case QJsonParseError::MissingValueSeparator:
    case QJsonParseError::MissingObject: {
        // At the end of the text nothing was consumed; elsewhere the token is the byte before.
        const bool consumed = offset > 0 && offset < text.size();
        if (consumed && !QByteArrayView(" \t\r\n").contains(text.at(offset - 1)))
            --offset;
        break;
    }
    case QJsonParseError::IllegalNumber:
        // Reported after the number: go back to its first character.
        while (offset > 0 && offset <= text.size() && QByteArrayView("0123456789+-.eE").contains(text.at(offset - 1)))
            --offset;
        break;
    default:
        break;
    }
    return offset;
}

//! Keys may hold control characters; a message stays on one line.
QString printablePointer(const QString &pointer)
{
    QString out;
    for (QChar c : pointer)
        out += c.unicode() < 0x20 ? u"\\u%1"_s.arg(uint(c.unicode()), 4, 16, QLatin1Char('0')) : QString(c);
    return out;
}

QString tooLarge(qint64 bytes)
{
    return LoaderWords::tr("the file is too large: %1 bytes, at most %2 (16 MiB) are allowed").arg(bytes).arg(
        ScenarioLoader::MaxFileBytes);
}

} // namespace

std::optional<Scenario> ScenarioLoader::parse(const QByteArray &json, const QString &sourceName, QString *error)
{
    auto report = [&](qsizetype offset, const QString &pointer, const QString &problem) -> std::optional<Scenario> {
        if (error) {
            const jsontext::TextPosition position = jsontext::positionAt(json, offset);
            // One multi-argument arg(): a "%2" in the file name must stay as it is.
            *error = u"%1:%2:%3: "_s.arg(sourceName, QString::number(position.line), QString::number(position.column))
                + (pointer.isEmpty() ? problem : printablePointer(pointer) + u": "_s + problem);
        }
        return std::nullopt;
    };

    if (json.size() > MaxFileBytes) {
        return report(0, QString(), tooLarge(json.size()));
    }
    const qsizetype start = firstTokenOffset(json);
    if (start == json.size())
        return report(start, QString(), LoaderWords::tr("the file is empty; expected a JSON object with \"cascade\": \"scenario\""));
    if (json.at(start) != '{' && json.at(start) != '[') {
        return report(start, QString(), LoaderWords::tr("the top level must be a JSON object (a scenario), got %1")
                                            .arg(describeStart(json, start)));
    }

    // No valid scenario nests arrays and objects much deeper than 4 * MaxDepth. Rejecting deeper text
    // before parsing keeps QJsonDocument's recursion shallow (its own limit is 1024) and says why;
    // everything after it walks iteratively or to MaxDepth only.
    if (const auto tooDeep = jsontext::firstTooDeep(json, MaxJsonNesting)) {
        return report(*tooDeep, QString(),
                      LoaderWords::tr("arrays and objects are nested more than %1 levels deep; a scenario has at most %2 levels "
                      "of tasks and steps").arg(MaxJsonNesting).arg(MaxDepth));
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        const qsizetype offset = syntaxErrorOffset(json, parseError);
        const bool atEnd = firstTokenOffset(json.mid(offset)) == json.size() - offset;
        return report(offset, QString(), LoaderWords::tr("JSON syntax error: ") + (atEnd ? LoaderWords::tr("the file ends too early; ") : QString())
                                             + syntaxProblem(parseError.error));
    }

    if (const auto duplicate = jsontext::findDuplicateKey(json)) {
        const jsontext::TextPosition first = jsontext::positionAt(json, duplicate->firstOffset);
        const QStringList tokens = jsontext::splitPointer(duplicate->pointer);
        return report(duplicate->offset, duplicate->pointer,
                      LoaderWords::tr("duplicate key %1 (first at line %2, column %3)")
                          .arg(detail::quoted(tokens.isEmpty() ? QString() : tokens.last()),
                               QString::number(first.line), QString::number(first.column)));
    }

    const QJsonValue root = document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
    detail::ScenarioValidator validator(json);
    detail::ValidationProblem problem;
    std::optional<Scenario> scenario = validator.validate(root, &problem);
    if (!scenario)
        return report(jsontext::locate(json, problem.pointer, problem.target), problem.pointer, problem.problem);
    scenario->sourceName = sourceName;
    return scenario;
}

std::optional<Scenario> ScenarioLoader::loadFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = LoaderWords::tr("%1: cannot open the file: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    if (file.size() > MaxFileBytes) {
        if (error)
            *error = u"%1:1:1: "_s.arg(path) + tooLarge(file.size());
        return std::nullopt;
    }
    // Read at most one byte past the limit: enough for parse() to reject it, without loading a
    // huge file (or an endless device, whose size() is 0) into memory.
    const QByteArray data = file.read(MaxFileBytes + 1);
    if (file.error() != QFileDevice::NoError) {
        if (error)
            *error = LoaderWords::tr("%1: cannot read the file: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return parse(data, path, error);
}

} // namespace cascade
