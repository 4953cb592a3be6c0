#pragma once

#include <QString>
#include <QtGlobal>

namespace cascade {

//! Something the learner does to a running scenario at a virtual time.
struct UserAction {
    enum class Kind { Cancel, Fail };
    Kind kind = Kind::Cancel;
    qint64 at = 0;         // virtual ms
    QString taskPath;      // "main/job" or "main/chop[2]"
    QString error = QStringLiteral("Error");  // for Fail
    QString message;       // for Fail

    //! Parses "PATH@MS" as given to --cancel / --fail. Returns false and sets *error on bad input.
    [[nodiscard]] static bool parse(Kind kind, const QString &text, UserAction *out, QString *error);
};

} // namespace cascade
