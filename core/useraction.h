#pragma once

#include <QString>
#include <QtGlobal>

namespace cascade {

struct Scenario;

//! Something the learner does to a running scenario at a virtual time.
struct UserAction {
    enum class Kind { Cancel, Fail };
    Kind kind = Kind::Cancel;
    qint64 at = 0;         // virtual ms
    QString taskPath;      // "main/job" or "main/chop[2]"
    QString error = QStringLiteral("Error");  // for Fail
    QString message;       // for Fail

    //! Parses "PATH@MS" as given to --cancel / --fail. Returns false and sets *error on bad input.
    //! --fail also takes "PATH@MS:ErrorName" and "PATH@MS:ErrorName:message" (the message may hold ':').
    [[nodiscard]] static bool parse(Kind kind, const QString &text, UserAction *out, QString *error);
};

//! Parses a whole number of virtual milliseconds (0 .. one year). On failure *error says why.
[[nodiscard]] bool parseVirtualMs(const QString &text, qint64 *out, QString *error);

//! True when `path` ("main/chopIngredients/chop[2]") names a task the scenario can create under
//! some runtime. Tasks of a spec with count > 1 and tasks defined in a loop need an index
//! ([0..count-1], or any index in a loop); the inner tasks of asyncio's wait_for and shield are
//! accepted too. On failure *error names the first segment that does not match and the valid
//! names at that level.
[[nodiscard]] bool validateTaskPath(const Scenario &scenario, const QString &path, QString *error);

} // namespace cascade
