#include "childprocess.h"

#include <QtGlobal>

#include <cstdio>

#include <sys/wait.h>
#include <unistd.h>

namespace cascade::testing {

void writeAll(int fd, const QByteArray &data)
{
    qsizetype done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.constData() + done, std::size_t(data.size() - done));
        if (n <= 0)
            return;
        done += n;
    }
}

QByteArray runIsolated(const std::function<void(int fd)> &work, QString *crash)
{
    crash->clear();
    if (qEnvironmentVariableIsSet("CASCADE_INVARIANTS_NOFORK")) {  // for a debugger
        int fds[2];
        if (::pipe(fds) != 0)
            return {};
        work(fds[1]);
        ::close(fds[1]);
        QByteArray out;
        char buffer[65536];
        for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) > 0;)
            out.append(buffer, n);
        ::close(fds[0]);
        return out;
    }
    int fds[2];
    if (::pipe(fds) != 0) {
        *crash = QStringLiteral("pipe() failed");
        return {};
    }
    std::fflush(stdout);
    std::fflush(stderr);
    const pid_t pid = ::fork();
    if (pid < 0) {
        *crash = QStringLiteral("fork() failed");
        return {};
    }
    if (pid == 0) {
        ::close(fds[0]);
        work(fds[1]);
        ::close(fds[1]);
        ::_exit(0);
    }
    ::close(fds[1]);
    QByteArray out;
    char buffer[65536];
    for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) > 0;)
        out.append(buffer, n);
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (WIFSIGNALED(status))
        *crash = QStringLiteral("the engine crashed (signal %1)").arg(WTERMSIG(status));
    else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        *crash = QStringLiteral("the run exited with status %1").arg(WEXITSTATUS(status));
    return out;
}

} // namespace cascade::testing
