#pragma once

#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

class QCommandLineOption;
class QCommandLineParser;
class QFileDevice;
class QTextStream;

namespace cascade {

//! The streams one invocation of the command line writes to; every verb reports the same way.
struct CliIo {
    QTextStream &out;
    QTextStream &err;

    //! Writes "context: message" as one line on err and returns ExitBadInput.
    [[nodiscard]] int fail(const QString &context, const QString &message) const;
    //! The verb's usage line, its description and its option table (not the binary's own name).
    void printVerbHelp(const QString &verb, const QCommandLineParser &parser, const QString &usage) const;
};

//! One verb of `cascade <verb>`: its name, a line for the overview, and what runs it.
//! `arguments` starts with the verb's name, where a parser expects the program name.
struct CliVerb {
    QString name;
    QString synopsis;  // "run <lesson-id | file.json>"
    QString summary;   // "run a scenario headless; ..."
    int (*run)(const QStringList &arguments, const CliIo &io) = nullptr;
};

//! The verbs core/ provides (lessons, run, ...), in the order `cascade help` lists them.
[[nodiscard]] const std::vector<CliVerb> &coreVerbs();

//! Our own -h/--help: QCommandLineParser's adds --help-all for Qt options we do not take.
QCommandLineOption addHelpOption(QCommandLineParser &parser);

//! Text that must stay on one line of a tab-separated listing or a message.
[[nodiscard]] QString oneLine(QString text);

//! Opens `path` for writing a whole output file: a regular file through QSaveFile (replaced
//! atomically on commit), a device or pipe (/dev/stdout, a FIFO) in place. Null with *error set
//! when it cannot be opened (a directory, no permission...).
[[nodiscard]] std::unique_ptr<QFileDevice> openOutputFile(const QString &path, QString *error);

//! Writes `data` and commits (QSaveFile) or flushes and closes; true when it all arrived.
[[nodiscard]] bool writeWholeFile(QFileDevice &file, const QByteArray &data);
//! Commits (QSaveFile) or flushes and closes a file opened by openOutputFile and written in parts.
[[nodiscard]] bool finishOutputFile(QFileDevice &file);

// The verbs, each in its own file.
int runLessonsVerb(const QStringList &arguments, const CliIo &io);  // cli_lessons.cpp
int runRunVerb(const QStringList &arguments, const CliIo &io);      // cli_run.cpp
int runWhyVerb(const QStringList &arguments, const CliIo &io);      // cli_why.cpp
int runReplayVerb(const QStringList &arguments, const CliIo &io);   // cli_replay.cpp
int runExportVerb(const QStringList &arguments, const CliIo &io);   // cli_export.cpp
int runCodeVerb(const QStringList &arguments, const CliIo &io);     // cli_code.cpp
int runCompareVerb(const QStringList &arguments, const CliIo &io);  // cli_compare.cpp

} // namespace cascade
