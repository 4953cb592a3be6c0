#include "treestyle.h"

#include "treescene.h"

#include <QColor>

namespace cascade {

QVariantMap TreeStyle::stateStyle(const QString &state, bool highContrast)
{
    const TreeStateStyle style = treeStateStyle(state, highContrast);
    return {{QStringLiteral("accent"), QColor::fromRgba(style.accent)}, {QStringLiteral("fill"), QColor::fromRgba(style.fill)},
            {QStringLiteral("ink"), QColor::fromRgba(style.ink)}, {QStringLiteral("word"), style.word}};
}

QVariantMap TreeStyle::colors(bool highContrast)
{
    const TreePalette &p = treePalette(highContrast);
    QVariantMap map;
    for (auto [name, argb] : {std::pair{"background", p.background}, {"edge", p.edge}, {"detachedEdge", p.detachedEdge},
                              {"pendingRing", p.pendingRing}, {"selection", p.selection}, {"text", p.text},
                              {"mutedText", p.mutedText}, {"shield", p.shield}, {"deadline", p.deadline},
                              {"deadlineTrack", p.deadlineTrack}, {"cancelPulse", p.cancelPulse},
                              {"failurePulse", p.failurePulse}, {"blocked", p.blocked}, {"checkPassed", p.checkPassed},
                              {"checkRaised", p.checkRaised}, {"cleanupFlash", p.cleanupFlash},
                              {"warning", p.warning}, {"warningMark", p.warningMark}, {"warningInk", p.warningInk}})
        map.insert(QString::fromLatin1(name), QColor::fromRgba(argb));
    return map;
}

} // namespace cascade
