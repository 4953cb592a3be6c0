#pragma once

#include "steptree.h"

#include <QAbstractItemModel>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <memory>
#include <vector>

namespace cascade {

//! One task's steps as an editable tree, in the scenario file's own JSON (docs/scenario-format.md).
//! Rows are steps; a step's nested step lists (a try's body, catch clauses and finally, a loop's
//! body, an onCancel's operation and handler...) are section rows under it, holding their steps.
//! Tasks defined by group, gather and spawn stay folded: they are edited as tasks of their own.
//! Every change is checked with the loader's rules (core/stepvalidation.h); problems land on the
//! row and field they name. The model stays editable while invalid, and reports `edited` only for
//! a valid array.
class StepListModel : public QAbstractItemModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QJsonArray steps READ toJson WRITE setSteps NOTIFY stepsChanged)
    Q_PROPERTY(QString taskName READ taskName WRITE setTaskName NOTIFY taskNameChanged)
    Q_PROPERTY(QString runtime READ runtime WRITE setRuntime NOTIFY runtimeChanged)
    Q_PROPERTY(bool valid READ isValid NOTIFY validationChanged)
    Q_PROPERTY(QStringList errors READ errors NOTIFY validationChanged)
    Q_PROPERTY(QStringList kinds READ kinds CONSTANT)

public:
    enum Roles {
        KindRole = Qt::UserRole + 1,  // the step's "do"; "" for a section row
        SummaryRole,       // one readable line
        ParamsRole,        // the step's own fields (a catch row: its clause) without nested step lists
        ErrorRole,         // the first validation message about this row, or ""
        ParamErrorsRole,   // field key -> message
        DepthRole,         // 0 for the top-level steps
        SectionRole,       // a section row's label ("try", "catch cancellation", "finally", ...); "" for a step
        UnavailableRole,   // why the runtime cannot run this step, or ""
        PointerRole,       // JSON pointer of the row in the step array ("/0/steps/1")
        IsSectionRole,
    };
    Q_ENUM(Roles)

    explicit StepListModel(QObject *parent = nullptr);
    ~StepListModel() override;

    [[nodiscard]] QModelIndex index(int row, int column, const QModelIndex &parent = {}) const final;
    [[nodiscard]] QModelIndex parent(const QModelIndex &child) const final;
    [[nodiscard]] int rowCount(const QModelIndex &parent = {}) const final;
    [[nodiscard]] int columnCount(const QModelIndex &parent = {}) const final;
    [[nodiscard]] QVariant data(const QModelIndex &index, int role) const final;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const final;

    Q_INVOKABLE [[nodiscard]] QJsonArray toJson() const;
    void setSteps(const QJsonArray &steps);
    [[nodiscard]] QString taskName() const { return m_taskName; }
    void setTaskName(const QString &name);
    [[nodiscard]] QString runtime() const { return m_runtime; }
    void setRuntime(const QString &runtime);
    [[nodiscard]] bool isValid() const { return m_errors.isEmpty(); }
    [[nodiscard]] QStringList errors() const { return m_errors; }
    [[nodiscard]] static QStringList kinds();

    //! Inserts a new step of `kind` with working defaults at `position` of `parent`'s list (the
    //! top level when parent is invalid, else a section row). Returns its index, invalid if refused.
    Q_INVOKABLE QModelIndex insertStep(const QModelIndex &parent, int position, const QString &kind);
    //! Removes a step, or a try's catch clause or finally section.
    Q_INVOKABLE bool removeStep(const QModelIndex &index);
    //! Moves a step by delta (-1 up, +1 down) within its list. Returns its new index.
    Q_INVOKABLE QModelIndex moveStep(const QModelIndex &index, int delta);
    //! Sets one field of a step (or of a catch clause). Optional fields are removed by their "none"
    //! value (0, false, "", an empty list). Derived fields: work "check" ("none" removes the
    //! checks), try "finally" (adds or removes the block), group/gather "tasks" (renames, adds or
    //! removes tasks by position), spawn "task" (renames the spawned task).
    Q_INVOKABLE bool setParam(const QModelIndex &index, const QString &key, const QVariant &value);
    //! Changes a step's kind, keeping the fields and the body the new kind also has.
    Q_INVOKABLE bool setKind(const QModelIndex &index, const QString &kind);
    //! Adds a catch clause to a try step (before its finally). Returns the clause's section row.
    Q_INVOKABLE QModelIndex addCatch(const QModelIndex &tryIndex, const QString &error = QStringLiteral("cancellation"));
    //! The form of a row: a list of {key, label, type, min, max, options, optional, help}.
    Q_INVOKABLE [[nodiscard]] QVariantList fields(const QModelIndex &index) const;
    //! The row a JSON pointer (relative to the array) names, and the field: {index, key}.
    Q_INVOKABLE [[nodiscard]] QVariantMap locate(const QString &pointer) const;
    //! The row whose pointer is exactly this (a step or a section row), invalid if none.
    Q_INVOKABLE [[nodiscard]] QModelIndex rowOfPointer(const QString &pointer) const;

Q_SIGNALS:
    //! After every change that leaves the whole body valid: the body to save.
    void edited(const QJsonArray &steps);
    //! After every change, valid or not, and when new steps are set.
    void stepsChanged();
    void taskNameChanged();
    void runtimeChanged();
    void validationChanged();

protected:
    //! The messages are in the UI's language: a switch says them again.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    using Node = steptree::Node;

    [[nodiscard]] Node *nodeAt(const QModelIndex &index) const;
    [[nodiscard]] QModelIndex indexOf(const Node *node) const;
    [[nodiscard]] QStringList taskNamesIn(const Node *list) const;
    [[nodiscard]] QString lastSpawnBefore(const Node *list, int position) const;
    bool setStepParam(Node *node, const QString &key, const QVariant &value);
    void replaceChildren(Node *node, std::vector<std::unique_ptr<Node>> children);
    //! Re-runs validation and availability, updates the rows, and reports the change.
    void changed(const QJsonArray &before);
    void revalidate();
    void emitRowsChanged(const Node *list);

    std::unique_ptr<Node> m_root;
    QString m_taskName;
    QString m_runtime;
    QStringList m_errors;
};

} // namespace cascade
