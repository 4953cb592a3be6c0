// libFuzzer harness for the scenario loader. Besides "no crash, no sanitizer report", it checks the
// loader's promises: a rejected input gets a one-line "fuzz.json:<line>:<column>: ..." message,
// and an accepted one survives a round trip through scenarioToJson unchanged.

#include "scenarioloader.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>

namespace {

[[noreturn]] void failCheck(const char *what, const QString &detail, const QByteArray &input)
{
    // The input is raw data without a terminating NUL: write it by size.
    std::fprintf(stderr, "fuzz_scenarioloader: %s\n%s\ninput: ", what, qPrintable(detail));
    std::fwrite(input.constData(), 1, std::size_t(input.size()), stderr);
    std::fputc('\n', stderr);
    std::abort();
}

bool hasDocumentedShape(const QString &error)
{
    // "fuzz.json:<digits>:<digits>: <problem>", on one line, line and column from 1.
    const QString prefix = QStringLiteral("fuzz.json:");
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
    const std::optional<cascade::Scenario> scenario =
        cascade::ScenarioLoader::parse(input, QStringLiteral("fuzz.json"), &error);
    if (!scenario) {
        if (!hasDocumentedShape(error))
            failCheck("malformed error message", error, input);
        return 0;
    }

    const QByteArray written = cascade::scenarioToJson(*scenario);
    QString again;
    const std::optional<cascade::Scenario> reread =
        cascade::ScenarioLoader::parse(written, QStringLiteral("written.json"), &again);
    if (!reread)
        failCheck("the written scenario does not load", again + QLatin1Char('\n') + QString::fromUtf8(written), input);
    if (cascade::scenarioToJson(*reread) != written)
        failCheck("the round trip changed the scenario", QString::fromUtf8(written), input);
    return 0;
}
