// The Korean translation is complete: every text the UI can show has a finished translation that
// keeps the source's placeholders (%1, %2 ...) and its key hints (&F, \n), so nothing falls back to
// English and no .arg() loses a value. resources/translations/cascade_ko.ts is read as it is
// committed; `cmake --build --preset dev --target update_translations` refreshes it from the code.
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

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
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
