#pragma once

// The random number source of the generators (randomscenario.cpp, randomactions.cpp).

#include <QList>
#include <QtGlobal>

#include <random>

namespace cascade::testing {

//! std::mt19937's output is fixed by the standard; the std:: distributions are not (they differ
//! between standard libraries), so ranges are mapped by hand.
class Rng {
public:
    explicit Rng(quint32 seed) : m_engine(seed) {}

    //! Uniform in [lo, hi] (both inclusive); the tiny modulo bias does not matter here.
    int range(int lo, int hi)
    {
        Q_ASSERT(lo <= hi);
        return lo + int(m_engine() % quint32(hi - lo + 1));
    }
    bool chance(int percent) { return range(0, 99) < percent; }
    template <typename T>
    const T &pick(const QList<T> &list)
    {
        Q_ASSERT(!list.isEmpty());
        return list.at(range(0, int(list.size()) - 1));
    }
    template <typename T>
    void shuffle(QList<T> &list)
    {
        for (qsizetype i = list.size() - 1; i > 0; --i)
            list.swapItemsAt(i, range(0, int(i)));
    }

private:
    std::mt19937 m_engine;
};

} // namespace cascade::testing
