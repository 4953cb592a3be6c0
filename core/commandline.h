#pragma once

#include "cliverb.h"

#include <QString>
#include <QStringList>

#include <vector>

class QTextStream;

namespace cascade {

//! Exit statuses of the command line, also listed in `cascade help` and the README.
enum CommandLineExit : int {
    ExitOk = 0,         // the verb did its job (a run exits 0 whatever the tasks' outcomes; a replay matched)
    ExitDiffer = 1,     // `cascade replay`: the replayed trace differs from the recorded one
    ExitBadInput = 2,   // unknown verb or option, bad value, unreadable scenario or recording, write failure
    ExitInternal = 3,   // the engine stopped early (event limit) or a built-in lesson is broken
};

//! True when arguments[1] selects the headless command line rather than the GUI:
//! a verb (core's, see cliverb.h, or one of `extraVerbs`), help, or --help / -h / --version / -v.
[[nodiscard]] bool isCommandLineVerb(const QString &argument, const std::vector<CliVerb> &extraVerbs = {});

//! Runs `cascade <verb> ...` without a GUI. arguments[0] is the program name. Normal output goes
//! to `out`, messages to `err` (one line per problem). Returns the process exit status.
//! `extraVerbs` are verbs the caller adds (the app's, which need a GUI application).
[[nodiscard]] int runCommandLine(const QStringList &arguments, QTextStream &out, QTextStream &err,
                                 const std::vector<CliVerb> &extraVerbs = {});

} // namespace cascade
