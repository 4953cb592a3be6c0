#pragma once

#include <QObject>
#include <QStringList>
#include <QTranslator>
#include <QtQml/qqmlregistration.h>

#include <memory>

class QQmlEngine;
class QJSEngine;

namespace cascade {

//! The language of the user interface: English or Korean, switchable while the app runs.
//! "" follows the system locale (Korean when it is Korean, else English). The choice is kept
//! in QSettings ("ui/language"). Installs the app's translation (:/i18n/cascade_ko.qm, built
//! from resources/translations/cascade_ko.ts) and Qt's own for the standard dialogs, then has
//! the QML engine re-evaluate every qsTr().
class Localization : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    //! What the user chose: "", "en" or "ko".
    Q_PROPERTY(QString choice READ choice WRITE setChoice NOTIFY languageChanged)
    //! What is shown: "en" or "ko" (the choice, or the system's language for "").
    Q_PROPERTY(QString language READ language NOTIFY languageChanged)
    //! The language "" stands for here: "ko" on a Korean system, else "en".
    Q_PROPERTY(QString systemLanguage READ systemLanguage CONSTANT)

public:
    explicit Localization(QObject *parent = nullptr);
    ~Localization() override;
    static Localization *create(QQmlEngine *engine, QJSEngine *);

    [[nodiscard]] QString choice() const { return m_choice; }
    void setChoice(const QString &choice);
    [[nodiscard]] QString language() const { return m_language; }

    //! The language "" stands for on this system.
    [[nodiscard]] static QString systemLanguage();
    //! Installs the translators for the saved choice before any window exists (app start).
    static void applySaved();

Q_SIGNALS:
    void languageChanged();

private:
    void apply();

    QString m_choice;
    QString m_language = QStringLiteral("en");
    QQmlEngine *m_engine = nullptr;
};

} // namespace cascade
