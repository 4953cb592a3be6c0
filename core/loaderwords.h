#pragma once

#include <QCoreApplication>

namespace cascade {

//! The words of the scenario loader's messages and of the reasons a runtime cannot run a step.
//! The command line installs no translator, so it (and every test) reads them in English; the window
//! installs the UI language's, so the step editor and the open-file errors speak it. None of these
//! words ever goes into a trace, a recording or generated code that a test compares.
class LoaderWords
{
    Q_DECLARE_TR_FUNCTIONS(LoaderWords)
};

} // namespace cascade
