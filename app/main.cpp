// The cascade executable: command-line verbs run headless; anything else opens the window.

#include "autosave.h"
#include "commandline.h"
#include "localization.h"
#include "renderverb.h"
#include "scenariodocument.h"
#include "session.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QQmlApplicationEngine>
#include <QQmlExtensionPlugin>
#include <QQmlContext>
#include <QQuickStyle>
#include <QTextStream>

#include <cstdio>
#include <memory>

Q_IMPORT_QML_PLUGIN(CascadePlugin)

namespace {

bool displayAvailable()
{
    const QByteArray platform = qgetenv("QT_QPA_PLATFORM");
    if (!platform.isEmpty())
        return true;  // the user chose a platform (offscreen, xcb, wayland...)
    return !qgetenv("DISPLAY").isEmpty() || !qgetenv("WAYLAND_DISPLAY").isEmpty();
}

int runGui(int argc, char *argv[])
{
    if (!displayAvailable()) {
        std::fputs("cascade: no display found; run the window under Xvfb with `xvfb-run -a build/cascade`, "
                   "or use the command line, e.g. `build/cascade run kotlin-cancel-join`\n",
                   stderr);
        return 1;
    }
    QGuiApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Cascade"));
    QCoreApplication::setApplicationName(QStringLiteral("Cascade"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CASCADE_VERSION));
    QQuickStyle::setStyle(QStringLiteral("Fusion"));
    cascade::Localization::applySaved();  // before any qsTr() is evaluated

    const QStringList args = app.arguments();
    // A recording given to open is read on another thread while the window is being made.
    if (const QString file = args.size() > 1 ? cascade::ScenarioDocument::localPath(args.at(1)) : QString();
        !file.isEmpty() && cascade::ScenarioDocument::isRecordingFile(file))
        cascade::Session::preloadRecording(file);
    QQmlApplicationEngine engine;
    engine.rootContext()->setContextProperty(QStringLiteral("initialScenario"),
                                             args.size() > 1 ? args.at(1) : QString());
    // The window autosaves into the user's data directory (tests that load it name their own).
    engine.rootContext()->setContextProperty(QStringLiteral("autosaveDirectory"), cascade::Autosave::defaultDirectory());
    QObject::connect(&engine, &QQmlApplicationEngine::objectCreationFailed, &app,
                     [] { QCoreApplication::exit(1); }, Qt::QueuedConnection);
    engine.load(QUrl(QStringLiteral("qrc:/Cascade/Main.qml")));
    return app.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    // The app's own verbs, which paint (core's verbs need no GUI).
    const std::vector<cascade::CliVerb> appVerbs{cascade::renderVerb()};
    const QString verb = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    if (argc > 1 && cascade::isCommandLineVerb(verb, appVerbs)) {
        std::unique_ptr<QCoreApplication> app;
        if (verb == cascade::renderVerb().name) {
            // Pictures without a window: the offscreen platform unless the user chose one.
            if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
            app = std::make_unique<QGuiApplication>(argc, argv);
        } else {
            app = std::make_unique<QCoreApplication>(argc, argv);
        }
        QCoreApplication::setApplicationName(QStringLiteral("cascade"));
        QCoreApplication::setApplicationVersion(QStringLiteral(CASCADE_VERSION));
        QTextStream out(stdout);
        QTextStream err(stderr);
        return cascade::runCommandLine(QCoreApplication::arguments(), out, err, appVerbs);
    }
    return runGui(argc, argv);
}
