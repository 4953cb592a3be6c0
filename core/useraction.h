#pragma once

#include "scenario.h"

#include <QString>
#include <QtGlobal>

namespace cascade {

//! Something the learner does to a running scenario at a virtual time.
struct UserAction {
    //! Timeout: a deadline `durationMs` after `at` around the rest of the task's work (asyncio.timeout
    //! / withTimeout). Shield: toggles the user's shield on the task (asyncio.shield / NonCancellable).
    enum class Kind { Cancel, Fail, Timeout, Shield };
    Kind kind = Kind::Cancel;
    qint64 at = 0;         // virtual ms
    QString taskPath;      // "main/job" or "main/chop[2]"
    QString error = QStringLiteral("Error");  // for Fail
    QString message;       // for Fail
    qint64 durationMs = 0; // for Timeout: the limit

    //! Parses "PATH@MS" as given to --cancel / --fail / --shield. Returns false and sets *error on
    //! bad input. --fail also takes "PATH@MS:ErrorName" and "PATH@MS:ErrorName:message" (the
    //! message may hold ':'); --timeout takes "PATH@MS:DURATION".
    [[nodiscard]] static bool parse(Kind kind, const QString &text, UserAction *out, QString *error);
    //! The option that gives this kind on the command line: "--cancel", "--timeout"...
    [[nodiscard]] static QString optionName(Kind kind);
    //! The action's name in action-ignored events: "cancel", "fail", "timeout", "shield".
    [[nodiscard]] static QString verb(Kind kind);
};

//! Why `kind` has no equivalent under `runtime` (Swift has neither a built-in timeout nor a
//! shield); empty when the action is available there.
[[nodiscard]] QString unavailableReason(UserAction::Kind kind, Runtime runtime);

//! Parses a whole number of virtual milliseconds (0 .. one year). On failure *error says why.
[[nodiscard]] bool parseVirtualMs(const QString &text, qint64 *out, QString *error);

//! True when `path` ("main/chopIngredients/chop[2]") names a task the scenario can create under
//! some runtime. Tasks of a spec with count > 1 and tasks defined in a loop need an index
//! ([0..count-1], or any index in a loop); the inner tasks of asyncio's wait_for and shield are
//! accepted too. On failure *error names the first segment that does not match and the valid
//! names at that level.
[[nodiscard]] bool validateTaskPath(const Scenario &scenario, const QString &path, QString *error);

} // namespace cascade
