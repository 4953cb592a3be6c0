#pragma once

// Runs the command line in-process, as `cascade ARGS...` would, and keeps what it printed.
#include "commandline.h"

#include <QStringList>
#include <QTextStream>

#include <vector>

namespace cascade::testing {

struct CliResult {
    int status = -1;
    QString out;
    QString err;
};

//! `extraVerbs`: verbs the app adds to core's (e.g. render, which needs Qt GUI).
inline CliResult runCli(const QStringList &arguments, const std::vector<CliVerb> &extraVerbs = {})
{
    CliResult result;
    QTextStream out(&result.out);
    QTextStream err(&result.err);
    result.status = runCommandLine(QStringList{QStringLiteral("cascade")} + arguments, out, err, extraVerbs);
    out.flush();
    err.flush();
    return result;
}

} // namespace cascade::testing
