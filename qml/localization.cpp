#include "localization.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QQmlEngine>
#include <QSettings>

namespace cascade {

namespace {

const QString SettingsKey = QStringLiteral("ui/language");

//! The translators of the language in effect, shared by every Localization and applySaved().
struct Translators {
    QTranslator app;
    QTranslator qt;
    QString language = QStringLiteral("en");
};

Translators &translators()
{
    static Translators instance;
    return instance;
}

QString effectiveLanguage(const QString &choice)
{
    return choice.isEmpty() ? Localization::systemLanguage() : choice;
}

//! Puts the translators of `language` in place ("en": none); true when anything changed.
bool install(const QString &language)
{
    Translators &t = translators();
    if (t.language == language)
        return false;
    QCoreApplication::removeTranslator(&t.app);
    QCoreApplication::removeTranslator(&t.qt);
    if (language == QLatin1String("ko")) {
        // Both are built in or installed with Qt; a missing one leaves English, never an error.
        if (t.app.load(QStringLiteral(":/i18n/cascade_ko.qm")))
            QCoreApplication::installTranslator(&t.app);
        if (t.qt.load(QLocale(QLocale::Korean), QStringLiteral("qtbase"), QStringLiteral("_"),
                      QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&t.qt);
    }
    t.language = language;
    return true;
}

} // namespace

Localization::Localization(QObject *parent)
    : QObject(parent)
{
    m_choice = QSettings().value(SettingsKey).toString();
    if (m_choice != QLatin1String("en") && m_choice != QLatin1String("ko"))
        m_choice.clear();
    m_language = effectiveLanguage(m_choice);
    install(m_language);
}

Localization::~Localization() = default;

Localization *Localization::create(QQmlEngine *engine, QJSEngine *)
{
    auto *localization = new Localization;
    localization->m_engine = engine;
    return localization;
}

QString Localization::systemLanguage()
{
    return QLocale::system().language() == QLocale::Korean ? QStringLiteral("ko") : QStringLiteral("en");
}

void Localization::applySaved()
{
    install(effectiveLanguage(QSettings().value(SettingsKey).toString()));
}

void Localization::setChoice(const QString &choice)
{
    const QString wanted = choice == QLatin1String("en") || choice == QLatin1String("ko") ? choice : QString();
    if (wanted == m_choice)
        return;
    m_choice = wanted;
    QSettings().setValue(SettingsKey, m_choice);
    apply();
}

void Localization::apply()
{
    const QString language = effectiveLanguage(m_choice);
    const bool changed = install(language) || language != m_language;
    m_language = language;
    if (!changed)
        return;
    if (m_engine)
        m_engine->retranslate();  // every qsTr() binding again
    Q_EMIT languageChanged();
}

} // namespace cascade
