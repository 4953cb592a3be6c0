#pragma once

#include "scenario.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

#include <vector>

namespace cascade {

//! A lesson caption placed in one run: the event it is shown with, and its words.
struct PlacedCaption {
    qint64 seq = -1;     // the trace event it is shown with
    qint64 t = 0;        // that event's virtual time
    QString task;        // that event's task path
    QString kind;        // that event's kind (eventKindName)
    int index = -1;      // in Scenario::captions
    LocalizedText text;
    bool pause = false;  // the lesson asks the player to pause here
};

//! The captions shown so far, oldest first: the first `shown` of a run's placed captions, with
//! their words in the language chosen. Growing appends rows, shrinking (a step back) removes them;
//! another run or language is a reset or a change of the text role.
class CaptionListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by NarrationPlayer")

public:
    enum Roles {
        SeqRole = Qt::UserRole + 1,
        TimeRole,
        TaskRole,
        KindRole,
        TextRole,   // in the language chosen (the other one when the caption lacks it)
        PauseRole,
    };

    explicit CaptionListModel(QObject *parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const final;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const final;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const final;

    //! One row as {seq, time, task, kind, text, pause}; {} for a row that is not shown.
    Q_INVOKABLE [[nodiscard]] QVariantMap get(int row) const;

    //! Every caption of a run, in the order of their events; none shown (a reset).
    void setCaptions(std::vector<PlacedCaption> captions);
    //! Shows the first `count` of them.
    void show(int count);
    void setLanguage(const QString &language);

    [[nodiscard]] const std::vector<PlacedCaption> &captions() const { return m_captions; }
    [[nodiscard]] QString textOf(const PlacedCaption &caption) const;

private:
    std::vector<PlacedCaption> m_captions;
    int m_shown = 0;
    QString m_language = QStringLiteral("en");
};

} // namespace cascade
