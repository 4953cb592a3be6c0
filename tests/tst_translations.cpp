// The Korean translation is complete: every text the UI can show has a finished translation that
// keeps the source's placeholders (%1, %2 ...) and its key hints (&F, \n), so nothing falls back to
// English and no .arg() loses a value. resources/translations/cascade_ko.ts is read as it is
// committed; `cmake --build --preset dev --target update_translations` refreshes it from the code.
#include "engine.h"
#include "recording.h"
#include "scenarioloader.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

#include <algorithm>

namespace {

struct Message {
    QString context;
    QString source;
    QString translation;
    bool finished = false;
};

QList<Message> readTs(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Message> messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            current = Message{context, {}, {}, false};
        } else if (xml.name() == QLatin1String("source")) {
            current.source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            const QString type = xml.attributes().value(QLatin1String("type")).toString();
            current.finished = type.isEmpty();
            current.translation = xml.readElementText();
            messages.append(current);
        }
    }
    if (xml.hasError())
        *error = QStringLiteral("%1:%2: %3").arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return messages;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression marker(QStringLiteral("%\\d+"));
    QSet<QString> out;
    for (const auto &match : marker.globalMatch(text))
        out.insert(match.captured());
    return out;
}

bool hasHangul(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() >= 0xAC00 && c.unicode() <= 0xD7A3; });
}

//! The Korean translator as the window installs it, for as long as it lives.
class KoreanInstalled
{
public:
    KoreanInstalled() { m_ok = m_translator.load(QStringLiteral(CASCADE_QM_FILE)) && QCoreApplication::installTranslator(&m_translator); }
    ~KoreanInstalled() { QCoreApplication::removeTranslator(&m_translator); }
    KoreanInstalled(const KoreanInstalled &) = delete;
    KoreanInstalled &operator=(const KoreanInstalled &) = delete;
    [[nodiscard]] bool ok() const { return m_ok; }

private:
    QTranslator m_translator;
    bool m_ok = false;
};

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void koreanIsComplete()
    {
        QString error;
        const QList<Message> messages = readTs(QStringLiteral(CASCADE_SOURCE_DIR "/resources/translations/cascade_ko.ts"), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(messages.size() > 300, "the .ts holds the app's texts");
        QStringList problems;
        for (const Message &m : messages) {
            const QString where = QStringLiteral("%1: \"%2\"").arg(m.context, m.source);
            if (!m.finished || m.translation.trimmed().isEmpty())
                problems << where + QStringLiteral(": not translated");
            else if (placeholders(m.source) != placeholders(m.translation))
                problems << where + QStringLiteral(": placeholders differ in \"%1\"").arg(m.translation);
            else if (m.source.contains(QLatin1Char('\n')) != m.translation.contains(QLatin1Char('\n')))
                problems << where + QStringLiteral(": line breaks differ");
            else if (m.source.contains(QLatin1Char('&')) && !m.translation.contains(QLatin1Char('&')))
                problems << where + QStringLiteral(": the key hint (&) is lost");
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }

    // The loaders' messages are shown in the step editor and when a file does not open: in the
    // window's language there, in English on the command line (no translator), always with the
    // file, line and column first.
    void loaderMessagesFollowTheLanguage_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("place");
        QTest::addColumn<QString>("english");
        QTest::addRow("syntax") << QByteArray("{\"cascade\": \"scenario\",}") << QStringLiteral("broken.json:1:25: ")
                                << QStringLiteral("JSON syntax error");
        QTest::addRow("missing key") << QByteArray("{\"cascade\": \"scenario\"}") << QStringLiteral("broken.json:1:1: ")
                                     << QStringLiteral("missing required key \"version\"");
        QTest::addRow("wrong type") << QByteArray("{\"cascade\": \"scenario\", \"version\": true}")
                                    << QStringLiteral("broken.json:1:36: /version: ") << QStringLiteral("must be 1");
        QTest::addRow("empty") << QByteArray("  ") << QStringLiteral("broken.json:1:3: ") << QStringLiteral("the file is empty");
    }

    void loaderMessagesFollowTheLanguage()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, place);
        QFETCH(QString, english);
        QString error;
        QVERIFY(!cascade::ScenarioLoader::parse(text, QStringLiteral("broken.json"), &error));
        QVERIFY2(error.startsWith(place) && error.contains(english), qPrintable(error));
        QVERIFY2(!hasHangul(error), qPrintable(error));

        const KoreanInstalled korean;
        QVERIFY(korean.ok());
        QString translated;
        QVERIFY(!cascade::ScenarioLoader::parse(text, QStringLiteral("broken.json"), &translated));
        QVERIFY2(translated.startsWith(place), qPrintable(translated));
        QVERIFY2(hasHangul(translated) && !translated.contains(english), qPrintable(translated));
    }

    void recordingMessagesFollowTheLanguage()
    {
        const QByteArray header("{\"cascade\": \"recording\", \"version\": 99}\n");
        QString error;
        QVERIFY(!cascade::RecordingLoader::parse(header, QStringLiteral("demo.cascaderec"), &error));
        QVERIFY2(error.startsWith(QStringLiteral("demo.cascaderec:")) && error.contains(QStringLiteral("not supported")), qPrintable(error));
        const KoreanInstalled korean;
        QVERIFY(korean.ok());
        QString translated;
        QVERIFY(!cascade::RecordingLoader::parse(header, QStringLiteral("demo.cascaderec"), &translated));
        QVERIFY2(translated.startsWith(QStringLiteral("demo.cascaderec:")) && hasHangul(translated), qPrintable(translated));
    }

    // Why a runtime cannot run a step: English where it goes into generated code and the command
    // line, Korean in the window; the words that go into traces stay English either way.
    void unavailableReasonsFollowTheLanguage()
    {
        cascade::Step timeout;
        timeout.kind = cascade::StepKind::Timeout;
        const QStringList english = cascade::Engine::unavailable(timeout, cascade::Runtime::Swift);
        QCOMPARE(english.size(), 1);
        QVERIFY2(english.first().startsWith(QStringLiteral("a timeout is not available in swift: Swift has no built-in timeout")),
                 qPrintable(english.first()));
        const KoreanInstalled korean;
        QVERIFY(korean.ok());
        const QStringList translated = cascade::Engine::unavailable(timeout, cascade::Runtime::Swift);
        QCOMPARE(translated.size(), 1);
        QVERIFY2(hasHangul(translated.first()) && translated.first().contains(QStringLiteral("swift")), qPrintable(translated.first()));
        QVERIFY(!hasHangul(cascade::unavailableReason(cascade::UserAction::Kind::Timeout, cascade::Runtime::Swift)));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
