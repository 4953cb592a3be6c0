#pragma once

#include <QObject>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace cascade {

//! The tree canvas's colours for QML outside the canvas (legends): one source of truth with
//! treePalette() and treeStateStyle(), in the normal or the high-contrast theme.
class TreeStyle : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    using QObject::QObject;

    //! {accent, fill, ink, word} of a task state.
    [[nodiscard]] Q_INVOKABLE static QVariantMap stateStyle(const QString &state, bool highContrast);
    //! background, edge, detachedEdge, pendingRing, selection, text, mutedText; the badges' shield,
    //! deadline, deadlineTrack; the effects' cancelPulse, failurePulse, blocked, checkPassed,
    //! checkRaised, cleanupFlash; the warning badge's warning (fill), warningMark (its "!") and
    //! warningInk (its words).
    [[nodiscard]] Q_INVOKABLE static QVariantMap colors(bool highContrast);
};

} // namespace cascade
