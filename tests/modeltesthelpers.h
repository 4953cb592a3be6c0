#pragma once

// Helpers shared by the model tests (tst_models, tst_tasklistmodel).

#include "lessons.h"

#include <QAbstractItemModel>
#include <QSignalSpy>
#include <QTest>

namespace cascade::testing {

//! One row per (lesson, runtime the lesson lists), for the data-driven model tests.
inline void addLessonRuntimeRows()
{
    QTest::addColumn<QString>("lesson");
    QTest::addColumn<int>("runtime");
    for (const QString &id : Lessons::ids()) {
        QString error;
        const auto scenario = Lessons::load(id, &error);
        if (!scenario) {
            QTest::addRow("%s", qPrintable(id)) << id << -1;  // the test then reports the error
            continue;
        }
        for (Runtime runtime : scenario->runtimes)
            QTest::addRow("%s/%s", qPrintable(id), qPrintable(runtimeName(runtime))) << id << int(runtime);
    }
}

//! Signals that must never come from a model during a run: rows are only inserted or changed.
struct NoResetSpies {
    explicit NoResetSpies(QAbstractItemModel *model)
        : reset(model, &QAbstractItemModel::modelReset)
        , removed(model, &QAbstractItemModel::rowsRemoved)
        , moved(model, &QAbstractItemModel::rowsMoved)
        , layout(model, &QAbstractItemModel::layoutChanged)
    {
    }
    [[nodiscard]] bool isValid() const { return reset.isValid() && removed.isValid() && moved.isValid() && layout.isValid(); }
    [[nodiscard]] bool quiet() const { return reset.isEmpty() && removed.isEmpty() && moved.isEmpty() && layout.isEmpty(); }
    QSignalSpy reset;
    QSignalSpy removed;
    QSignalSpy moved;
    QSignalSpy layout;
};

} // namespace cascade::testing
