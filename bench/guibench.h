#pragma once

// What the window benchmarks (canvas_frames, window_seek) share: printing a figure, spinning the
// event loop until something happened, and percentiles.

#include <QElapsedTimer>
#include <QEventLoop>
#include <QString>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

namespace bench {

//! One line of figures on stdout, flushed (the scripts read it as it comes).
inline void out(const QString &line)
{
    std::fputs(qPrintable(line), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

//! Spins the event loop for `msec`, or until `done` holds (checked every `pollMs`); false on timeout.
template<typename Done>
bool spinUntil(int msec, Done done, int pollMs = 5)
{
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > msec)
            return false;
        QEventLoop loop;
        QTimer::singleShot(pollMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

//! Nearest-rank percentile, p in [0, 100]; 0 for no values.
inline double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto rank = std::size_t(std::ceil(p / 100 * double(values.size())));
    return values[std::clamp<std::size_t>(rank, 1, values.size()) - 1];
}

} // namespace bench
