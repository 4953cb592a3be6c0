#pragma once

#include "cliverb.h"

namespace cascade {

//! `cascade render`: a recording's tree and timeline as a PNG at one instant, or as an animated
//! GIF of a stretch of it, without a visible window. It paints with QtGui, so it is a verb the app
//! adds (commandline.h's extraVerbs) and runs under a QGuiApplication; the app sets the offscreen
//! platform for it when none is chosen.
[[nodiscard]] CliVerb renderVerb();
int runRenderVerb(const QStringList &arguments, const CliIo &io);

} // namespace cascade
