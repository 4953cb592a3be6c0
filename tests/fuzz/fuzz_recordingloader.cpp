// libFuzzer harness for the recording loader. Besides "no crash, no sanitizer report", it checks
// the loader's promises: a rejected input gets one line "fuzz.rec:<line>:<column>: ...", and an
// accepted one is written back byte for byte the same, and its seek index and Chrome export run.

#include "chrometrace.h"
#include "recording.h"
#include "traceindex.h"

#include <QBuffer>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>

namespace {

[[noreturn]] void failCheck(const char *what, const QString &detail, const QByteArray &input)
{
    std::fprintf(stderr, "fuzz_recordingloader: %s\n%s\ninput: ", what, qPrintable(detail));
    std::fwrite(input.constData(), 1, std::size_t(input.size()), stderr);
    std::fputc('\n', stderr);
    std::abort();
}

bool hasDocumentedShape(const QString &error)
{
    // "fuzz.rec:<digits>:<digits>: <problem>", on one line, line and column from 1.
    const QString prefix = QStringLiteral("fuzz.rec:");
    if (!error.startsWith(prefix) || error.contains(QLatin1Char('\n')))
        return false;
    qsizetype i = prefix.size();
    for (int part = 0; part < 2; ++part) {
        const qsizetype start = i;
        while (i < error.size() && error.at(i).isDigit())
            ++i;
        if (i == start || error.at(start) == QLatin1Char('0') || i >= error.size() || error.at(i) != QLatin1Char(':'))
            return false;
        ++i;
    }
    return error.mid(i).startsWith(QLatin1Char(' ')) && error.size() > i + 1;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    // fromRawData: no copy and no terminating NUL, so any read past the input shows up in ASan.
    const QByteArray input = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    const std::optional<cascade::Recording> recording = cascade::RecordingLoader::parse(input, QStringLiteral("fuzz.rec"), &error);
    if (!recording) {
        if (!hasDocumentedShape(error))
            failCheck("malformed error message", error, input);
        return 0;
    }
    const QByteArray written = cascade::recordingToBytes(*recording);
    QString again;
    const std::optional<cascade::Recording> reread = cascade::RecordingLoader::parse(written, QStringLiteral("written.rec"), &again);
    if (!reread)
        failCheck("the written recording does not load", again, input);
    if (cascade::recordingToBytes(*reread) != written)
        failCheck("the round trip changed the recording", QString::fromUtf8(written), input);

    const cascade::TraceIndex index(recording->events, 2);
    const cascade::TaskStates end = index.statesAfter(index.eventCount());
    cascade::TaskStates cursor;
    qint64 position = 0;
    index.seek(&cursor, &position, index.eventCount() / 2);
    index.seek(&cursor, &position, index.eventCount());
    if (!(cursor == end))
        failCheck("a seek and a restore disagree", QString(), input);
    QByteArray chrome;
    QBuffer buffer(&chrome);
    buffer.open(QIODevice::WriteOnly);
    if (!cascade::writeChromeTrace(*recording, index, buffer))
        failCheck("the Chrome export failed", QString(), input);
    return 0;
}
