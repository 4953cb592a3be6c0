#pragma once

// Running a test case in a child process (fork), so that a crashing engine becomes a failing case
// with its reproduction instead of the end of the test executable.

#include <QByteArray>
#include <QString>

#include <functional>

namespace cascade::testing {

//! Runs `work(fd)` in a child process and returns what it wrote to fd. *crash says how the child
//! died (empty if it exited normally). With CASCADE_INVARIANTS_NOFORK set (for a debugger) the
//! work runs in this process.
[[nodiscard]] QByteArray runIsolated(const std::function<void(int fd)> &work, QString *crash);

//! Writes all of `data` to the file descriptor (as far as it accepts it).
void writeAll(int fd, const QByteArray &data);

//! Separates a child's report (problems) from the trace that follows it.
inline const QByteArray TraceSeparator = QByteArrayLiteral("\n--trace--\n");

} // namespace cascade::testing
