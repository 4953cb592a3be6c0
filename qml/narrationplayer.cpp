#include "narrationplayer.h"

#include <algorithm>

namespace cascade {

NarrationPlayer::NarrationPlayer(QObject *parent)
    : QObject(parent)
{
}

NarrationPlayer::~NarrationPlayer()
{
    if (m_session)
        m_session->setHoldBefore(-1);
}

void NarrationPlayer::setSession(Session *session)
{
    if (session == m_session)
        return;
    if (m_session) {
        disconnect(m_session, nullptr, this, nullptr);
        m_session->setHoldBefore(-1);
    }
    m_session = session;
    if (session) {
        connect(session, &Session::scenarioChanged, this, &NarrationPlayer::clearScore);
        connect(session, &Session::runChanged, this, &NarrationPlayer::rebuild);
        connect(session, &Session::progressed, this, &NarrationPlayer::follow);
        connect(session, &Session::playingChanged, this, &NarrationPlayer::updateHold);
        connect(session, &Session::held, this, &NarrationPlayer::onHeld);
    }
    clearScore();
    rebuild();
    Q_EMIT sessionChanged();
}

void NarrationPlayer::setLanguage(const QString &language)
{
    if (language == m_language)
        return;
    m_language = language;
    m_captions.setLanguage(language);
    Q_EMIT languageChanged();
    Q_EMIT captionsChanged();
    Q_EMIT questionChanged();
}

void NarrationPlayer::setPauseAtCaptions(bool on)
{
    if (on == m_pauseAtCaptions)
        return;
    m_pauseAtCaptions = on;
    updateHold();
    Q_EMIT pauseAtCaptionsChanged();
}

void NarrationPlayer::setPredictMode(bool on)
{
    if (on == m_predictMode)
        return;
    m_predictMode = on;
    if (!on)
        stopAsking();  // the session stays where it is, paused
    m_letThrough = -1;
    updateHold();
    Q_EMIT predictModeChanged();
}

void NarrationPlayer::clearScore()
{
    m_score.clear();
    if (m_session)
        m_scoredRuntime = m_session->runtimeValue();
    Q_EMIT scoreChanged();
}

void NarrationPlayer::rebuild()
{
    stopAsking();
    m_questions.clear();
    m_letThrough = -1;
    std::vector<PlacedCaption> captions;
    if (m_session && m_session->scenario() && !m_session->trace().empty()) {
        if (m_session->runtimeValue() != m_scoredRuntime)
            clearScore();  // the same question under another runtime is another prediction
        const Scenario &scenario = *m_session->scenario();
        const TaskPathResolver paths = m_session->paths();
        NarrationMatcher matcher(scenario, m_session->runtimeValue());
        for (const TraceEvent &event : m_session->trace()) {
            const NarrationMatcher::Cue cue = matcher.feed(event, paths);
            if (cue.isEmpty())
                continue;
            for (int index : cue.questionsBefore)
                m_questions.push_back({event.seq, index, scenario.questions[std::size_t(index)]});
            for (int index : cue.captions) {
                const Caption &caption = scenario.captions[std::size_t(index)];
                captions.push_back({event.seq, event.t, paths(event.task), QString::fromLatin1(eventKindName(event.kind)),
                                    index, caption.text, caption.pause});
            }
        }
    }
    m_captions.setCaptions(std::move(captions));
    Q_EMIT narrationChanged();
    follow();
    Q_EMIT captionsChanged();  // the rows were reset, whatever their count is now
}

void NarrationPlayer::follow()
{
    const qint64 shown = m_session ? m_session->shownEvents() : 0;
    const std::vector<PlacedCaption> &all = m_captions.captions();
    const auto end = std::lower_bound(all.begin(), all.end(), shown,
                                      [](const PlacedCaption &caption, qint64 count) { return caption.seq < count; });
    const int count = int(end - all.begin());
    if (count != m_captions.rowCount()) {
        m_captions.show(count);
        Q_EMIT captionsChanged();
    }
    // A seek, a step back or a user action moved the playhead off the question's event.
    if (asking() && m_questions[std::size_t(m_asking)].seq != shown)
        stopAsking();
    if (m_letThrough >= 0 && m_letThrough != shown)
        m_letThrough = -1;
    updateHold();
}

void NarrationPlayer::updateHold()
{
    if (!m_session)
        return;
    const qint64 shown = m_session->shownEvents();
    qint64 hold = -1;
    if (m_predictMode) {
        for (const PlacedQuestion &question : m_questions) {
            if (question.seq >= shown && question.seq != m_letThrough) {
                hold = question.seq;
                break;
            }
        }
    }
    // A caption pauses play right after its event (the session is held before the next one).
    if (m_pauseAtCaptions && m_session->playing()) {
        for (const PlacedCaption &caption : m_captions.captions()) {
            if (caption.pause && caption.seq >= shown) {
                hold = hold < 0 ? caption.seq + 1 : std::min(hold, caption.seq + 1);
                break;
            }
        }
    }
    m_session->setHoldBefore(hold);
}

void NarrationPlayer::onHeld(qint64 seq, bool wasPlaying)
{
    if (!m_predictMode || asking() || !m_session || seq != m_session->shownEvents() || seq == m_letThrough)
        return;
    for (std::size_t i = 0; i < m_questions.size(); ++i) {
        if (m_questions[i].seq == seq) {
            ask(int(i), wasPlaying);
            return;
        }
    }
    // Otherwise it was a caption's pause: the session is paused after it, nothing to ask.
}

void NarrationPlayer::ask(int position, bool resume)
{
    m_asking = position;
    m_chosen = -1;
    m_resume = resume;
    m_askedBefore = m_score.answered(m_questions[std::size_t(position)].index);
    Q_EMIT questionChanged();
}

void NarrationPlayer::stopAsking()
{
    if (m_asking < 0)
        return;
    m_asking = -1;
    m_chosen = -1;
    m_askedBefore = false;
    Q_EMIT questionChanged();
}

void NarrationPlayer::answer(int choice)
{
    if (!asking() || answered() || !m_session || !m_session->scenario() || choice < 0 || choice >= choices().size())
        return;
    m_chosen = choice;
    m_score.answer(*m_session->scenario(), m_questions[std::size_t(m_asking)].index, choice);
    Q_EMIT questionChanged();
    Q_EMIT scoreChanged();
}

void NarrationPlayer::proceed()
{
    if (!asking() || !m_session)
        return;
    const qint64 seq = m_questions[std::size_t(m_asking)].seq;
    // Two questions before one event are asked one after the other.
    if (std::size_t(m_asking) + 1 < m_questions.size() && m_questions[std::size_t(m_asking) + 1].seq == seq) {
        ask(m_asking + 1, m_resume);
        return;
    }
    const bool resume = m_resume && !(m_pauseAtCaptions && pausesAt(seq));
    stopAsking();
    m_letThrough = seq;
    updateHold();
    m_session->stepEvent();
    if (resume)
        m_session->setPlaying(true);
}

bool NarrationPlayer::pausesAt(qint64 seq) const
{
    const std::vector<PlacedCaption> &all = m_captions.captions();
    return std::any_of(all.begin(), all.end(), [seq](const PlacedCaption &c) { return c.seq == seq && c.pause; });
}

QString NarrationPlayer::inLanguage(const LocalizedText &text) const
{
    const bool korean = m_language == QLatin1String("ko");
    const QString &wanted = korean ? text.ko : text.en;
    return wanted.isEmpty() ? (korean ? text.en : text.ko) : wanted;
}

QString NarrationPlayer::currentCaption() const
{
    const int shown = m_captions.rowCount();
    return shown > 0 ? m_captions.textOf(m_captions.captions()[std::size_t(shown - 1)]) : QString();
}

qint64 NarrationPlayer::currentCaptionTime() const
{
    const int shown = m_captions.rowCount();
    return shown > 0 ? m_captions.captions()[std::size_t(shown - 1)].t : -1;
}

qint64 NarrationPlayer::currentCaptionSeq() const
{
    const int shown = m_captions.rowCount();
    return shown > 0 ? m_captions.captions()[std::size_t(shown - 1)].seq : -1;
}

QString NarrationPlayer::question() const
{
    return asking() ? inLanguage(m_questions[std::size_t(m_asking)].question.question) : QString();
}

QStringList NarrationPlayer::choices() const
{
    QStringList list;
    if (asking()) {
        for (const LocalizedText &choice : m_questions[std::size_t(m_asking)].question.choices)
            list << inLanguage(choice);
    }
    return list;
}

int NarrationPlayer::rightChoice() const
{
    return asking() && answered() ? m_questions[std::size_t(m_asking)].question.answer : -1;
}

QString NarrationPlayer::explanation() const
{
    return asking() && answered() ? inLanguage(m_questions[std::size_t(m_asking)].question.explanation) : QString();
}

} // namespace cascade
