// Qt Quick Test for the Cascade QML module: the Session, the panels and the tree canvas driven
// from QML, as Main.qml uses them. The test files are the tst_*.qml beside this file.
#include <QObject>
#include <QQmlEngine>
#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest/quicktest.h>

Q_IMPORT_QML_PLUGIN(CascadePlugin)  // the module is a static library

class Setup : public QObject
{
    Q_OBJECT

public:
    Setup() = default;

public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        // The static plugin registers the C++ types; the module's qmldir (and with it Legend,
        // Inspector, ... and the Theme singleton) is in the resources at qrc:/Cascade (Qt 6.4).
        engine->addImportPath(QStringLiteral("qrc:/"));
    }
};

QUICK_TEST_MAIN_WITH_SETUP(tst_qml, Setup)

#include "tst_qml.moc"
